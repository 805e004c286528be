package webhook_test

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"log/slog"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/respond/webhook"
)

func TestParseSecretDecodesTheKey(t *testing.T) {
	s, err := webhook.ParseSecret(specSecret)
	require.NoError(t, err)
	want, _ := base64.StdEncoding.DecodeString(strings.TrimPrefix(specSecret, "whsec_"))
	require.Equal(t, want, []byte(s))
	require.Len(t, s, 24)
}

func TestParseSecretRejectsWithoutEchoing(t *testing.T) {
	long := "whsec_" + base64.StdEncoding.EncodeToString(bytes.Repeat([]byte{7}, 65))
	short := "whsec_" + base64.StdEncoding.EncodeToString(bytes.Repeat([]byte{7}, 16))
	for in, want := range map[string]string{
		"MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw":       "must start with whsec_",
		"whsec_":                                 "nothing after whsec_",
		"whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLa!!": "not standard base64",
		"whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaS":  "not standard base64",
		short:                                    "key is 16 bytes, want 24 to 64",
		long:                                     "key is 65 bytes, want 24 to 64",
	} {
		_, err := webhook.ParseSecret(in)
		require.ErrorContains(t, err, want, in)
		if body := strings.TrimPrefix(in, "whsec_"); body != "" {
			require.NotContains(t, err.Error(), body, "error echoes the secret")
		}
	}
}

func TestParseSecretsNamesThePosition(t *testing.T) {
	_, err := webhook.ParseSecrets(nil)
	require.ErrorContains(t, err, "none given")
	_, err = webhook.ParseSecrets([]string{encodedSecret(1), "whsec_nope"})
	require.ErrorContains(t, err, "secret #2")
	got, err := webhook.ParseSecrets([]string{encodedSecret(1), encodedSecret(2)})
	require.NoError(t, err)
	require.Len(t, got, 2)
}

func TestSecretNeverPrints(t *testing.T) {
	s := secret(t, 'K') // key bytes are "KKKK…"
	var logs bytes.Buffer
	slog.New(slog.NewTextHandler(&logs, nil)).Info("x", "secret", s)
	slog.New(slog.NewJSONHandler(&logs, nil)).Info("x", "secret", s)
	js, err := json.Marshal(struct{ S webhook.Secret }{s})
	require.NoError(t, err)
	out := fmt.Sprint(s) + fmt.Sprintf("%s %v %+v %#v %x %X %q %d", s, s, s, s, s, s, s, s) + logs.String() + string(js)
	for _, leak := range []string{"KKKK", base64.StdEncoding.EncodeToString(s), fmt.Sprintf("%x", []byte(s)), "75 75"} {
		require.NotContains(t, out, leak)
	}
	require.Contains(t, out, "whsec_[redacted]")
}
