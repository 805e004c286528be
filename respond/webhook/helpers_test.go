package webhook_test

import (
	"bytes"
	"encoding/base64"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/respond/webhook"
)

// The Standard Webhooks test vector (spec and reference libraries, e.g.
// libraries/go/webhook_test.go TestWebhookSign); checked independently with
// crypto/hmac before use.
const (
	specSecret    = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
	specMsgID     = "msg_p5jXN8AQM9LWM0D4loKWxJek"
	specTimestamp = 1614265330
	specBody      = `{"test": 2432232314}`
	specSignature = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="
)

// encodedSecret is a whsec_ string for a 32-byte key of fill bytes.
func encodedSecret(fill byte) string {
	return webhook.SecretPrefix + base64.StdEncoding.EncodeToString(bytes.Repeat([]byte{fill}, 32))
}

// secret parses encodedSecret(fill).
func secret(t *testing.T, fill byte) webhook.Secret {
	t.Helper()
	s, err := webhook.ParseSecret(encodedSecret(fill))
	require.NoError(t, err)
	return s
}
