package webhook_test

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/respond/webhook"
)

func TestSignMatchesTheSpecVector(t *testing.T) {
	key, err := webhook.ParseSecret(specSecret)
	require.NoError(t, err)
	got := webhook.Sign(key, specMsgID, time.Unix(specTimestamp, 0), []byte(specBody))
	require.Equal(t, specSignature, got)
}

func TestSpecVectorVerifies(t *testing.T) {
	key, err := webhook.ParseSecret(specSecret)
	require.NoError(t, err)
	h := http.Header{}
	h.Set(webhook.HeaderID, specMsgID)
	h.Set(webhook.HeaderTimestamp, "1614265330")
	h.Set(webhook.HeaderSignature, specSignature)
	v := webhook.Verifier{Secrets: []webhook.Secret{key}, Now: func() time.Time { return time.Unix(specTimestamp+10, 0) }}
	require.NoError(t, v.Verify(h, []byte(specBody)))
}

func TestSetHeadersSignsWithEverySecret(t *testing.T) {
	ts := time.Unix(1_700_000_000, 999_000_000)
	body := []byte(`{"type":"alert.notify"}`)
	h := http.Header{}
	webhook.SetHeaders(h, []webhook.Secret{secret(t, 1), secret(t, 2)}, "msg_1", ts, body)
	require.Equal(t, "msg_1", h.Get(webhook.HeaderID))
	require.Equal(t, "1700000000", h.Get(webhook.HeaderTimestamp))
	sigs := strings.Split(h.Get(webhook.HeaderSignature), " ")
	require.Equal(t, []string{
		webhook.Sign(secret(t, 1), "msg_1", ts, body),
		webhook.Sign(secret(t, 2), "msg_1", ts, body),
	}, sigs)
	require.NotEqual(t, sigs[0], sigs[1])
}

func TestValidateID(t *testing.T) {
	require.NoError(t, webhook.ValidateID("msg_2KWPBgLlAfxdpx2AI54pPJ85f4W"))
	require.NoError(t, webhook.ValidateID(strings.Repeat("a", webhook.MaxIDLength)))
	for id, want := range map[string]string{
		"": "empty",
		strings.Repeat("a", webhook.MaxIDLength+1): "longer than",
		"msg.1":    "forbidden character at byte 3",
		"msg 1":    "forbidden character",
		"msg\n1":   "forbidden character",
		"msg_é":    "forbidden character",
		"msg\x001": "forbidden character",
	} {
		require.ErrorContains(t, webhook.ValidateID(id), want, "%q", id)
	}
}
