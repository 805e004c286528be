package webhook_test

import (
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/respond/webhook"
)

// sentAt is when test webhooks are sent; the verifier's clock reads it too
// unless a test moves it.
var sentAt = time.Date(2026, 11, 22, 10, 0, 0, 0, time.UTC)

const testBody = `{"type":"credential.revoke","data":{"credential":"tok_1"}}`

// signed returns the headers of testBody sent as msg_1 at ts with secrets.
func signed(ts time.Time, secrets ...webhook.Secret) http.Header {
	h := http.Header{}
	webhook.SetHeaders(h, secrets, "msg_1", ts, []byte(testBody))
	return h
}

// verifierAt verifies with secrets on a clock reading now.
func verifierAt(now time.Time, secrets ...webhook.Secret) webhook.Verifier {
	return webhook.Verifier{Secrets: secrets, Now: func() time.Time { return now }}
}

// requireReason asserts err is a *VerifyError with reason whose text holds
// no secret and no whole signature.
func requireReason(t *testing.T, err error, reason string, h http.Header) {
	t.Helper()
	var ve *webhook.VerifyError
	require.ErrorAs(t, err, &ve)
	require.Equal(t, reason, ve.Reason, ve.Error())
	require.Equal(t, reason, webhook.ReasonOf(err))
	for _, sig := range strings.Fields(h.Get(webhook.HeaderSignature)) {
		if _, value, _ := strings.Cut(sig, ","); value != "" {
			require.NotContains(t, err.Error(), value)
		}
	}
}

func TestSignedWebhookVerifies(t *testing.T) {
	key := secret(t, 1)
	require.NoError(t, verifierAt(sentAt, key).Verify(signed(sentAt, key), []byte(testBody)))
}

func TestRotationEitherSecretVerifies(t *testing.T) {
	old, cur := secret(t, 1), secret(t, 2)
	both := signed(sentAt, cur, old)
	for name, v := range map[string]webhook.Verifier{
		"receiver knows only the new secret": verifierAt(sentAt, cur),
		"receiver knows only the old secret": verifierAt(sentAt, old),
		"receiver knows both":                verifierAt(sentAt, old, cur),
	} {
		require.NoError(t, v.Verify(both, []byte(testBody)), name)
	}
	require.NoError(t, verifierAt(sentAt, cur, old).Verify(signed(sentAt, old), []byte(testBody)))
}

func TestToleranceBoundsBothWays(t *testing.T) {
	key := secret(t, 1)
	v := verifierAt(sentAt, key)
	require.NoError(t, v.Verify(signed(sentAt.Add(-webhook.DefaultTolerance), key), []byte(testBody)))
	require.NoError(t, v.Verify(signed(sentAt.Add(webhook.DefaultTolerance), key), []byte(testBody)))
	v.Tolerance = time.Minute
	h := signed(sentAt.Add(-2*time.Minute), key)
	requireReason(t, v.Verify(h, []byte(testBody)), webhook.ReasonStaleTimestamp, h)
}

func TestVerifyRejects(t *testing.T) {
	key := secret(t, 1)
	body := []byte(testBody)
	altered := []byte(strings.Replace(testBody, "tok_1", "tok_2", 1))
	cases := []struct {
		name   string
		header http.Header
		body   []byte
		reason string
	}{
		{"forged signature", withHeader(signed(sentAt, key), webhook.HeaderSignature, "v1,"+strings.Repeat("A", 43)+"="), body, webhook.ReasonBadSignature},
		{"wrong secret", signed(sentAt, secret(t, 9)), body, webhook.ReasonBadSignature},
		{"body altered by one byte", signed(sentAt, key), altered, webhook.ReasonBadSignature},
		{"id swapped", withHeader(signed(sentAt, key), webhook.HeaderID, "msg_2"), body, webhook.ReasonBadSignature},
		{"timestamp moved", withHeader(signed(sentAt, key), webhook.HeaderTimestamp, strconv.FormatInt(sentAt.Unix()+1, 10)), body, webhook.ReasonBadSignature},
		{"stale timestamp", signed(sentAt.Add(-webhook.DefaultTolerance-time.Second), key), body, webhook.ReasonStaleTimestamp},
		{"future timestamp", signed(sentAt.Add(webhook.DefaultTolerance+time.Second), key), body, webhook.ReasonFutureTimestamp},
		{"missing id", without(signed(sentAt, key), webhook.HeaderID), body, webhook.ReasonMissingHeader},
		{"missing timestamp", without(signed(sentAt, key), webhook.HeaderTimestamp), body, webhook.ReasonMissingHeader},
		{"missing signature", without(signed(sentAt, key), webhook.HeaderSignature), body, webhook.ReasonMissingHeader},
		{"empty signature", withHeader(signed(sentAt, key), webhook.HeaderSignature, ""), body, webhook.ReasonMissingHeader},
		{"malformed signature", withHeader(signed(sentAt, key), webhook.HeaderSignature, "v1:abc"), body, webhook.ReasonMalformedSignature},
		{"short v1 signature", withHeader(signed(sentAt, key), webhook.HeaderSignature, "v1,YWJj"), body, webhook.ReasonMalformedSignature},
		{"only v1a", withHeader(signed(sentAt, key), webhook.HeaderSignature, "v1a,YWJj"), body, webhook.ReasonNoSignature},
		{"repeated signature", added(signed(sentAt, key), webhook.HeaderSignature, "v1,YWJj"), body, webhook.ReasonMalformedSignature},
		{"signed timestamp with sign", withHeader(signed(sentAt, key), webhook.HeaderTimestamp, "+1"), body, webhook.ReasonBadTimestamp},
		{"timestamp not a number", withHeader(signed(sentAt, key), webhook.HeaderTimestamp, "soon"), body, webhook.ReasonBadTimestamp},
		{"timestamp leading zero", withHeader(signed(sentAt, key), webhook.HeaderTimestamp, "0"+strconv.FormatInt(sentAt.Unix(), 10)), body, webhook.ReasonBadTimestamp},
		{"timestamp overflows", withHeader(signed(sentAt, key), webhook.HeaderTimestamp, "99999999999999999999"), body, webhook.ReasonBadTimestamp},
		{"id with a dot", withHeader(signed(sentAt, key), webhook.HeaderID, "msg.1"), body, webhook.ReasonBadID},
		{"repeated id", added(signed(sentAt, key), webhook.HeaderID, "msg_2"), body, webhook.ReasonBadID},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			requireReason(t, verifierAt(sentAt, key).Verify(c.header, c.body), c.reason, c.header)
		})
	}
}

func TestVerifierWithoutSecretsRejects(t *testing.T) {
	h := signed(sentAt, secret(t, 1))
	requireReason(t, verifierAt(sentAt).Verify(h, []byte(testBody)), webhook.ReasonBadSignature, h)
}

func TestReasonOfOtherErrorsIsEmpty(t *testing.T) {
	require.Empty(t, webhook.ReasonOf(nil))
	require.Empty(t, webhook.ReasonOf(http.ErrBodyNotAllowed))
	require.Len(t, webhook.Reasons(), 8)
}

// withHeader returns h with name set to value.
func withHeader(h http.Header, name, value string) http.Header {
	h.Set(name, value)
	return h
}

// without returns h without name.
func without(h http.Header, name string) http.Header {
	h.Del(name)
	return h
}

// added returns h with value added to name.
func added(h http.Header, name, value string) http.Header {
	h.Add(name, value)
	return h
}
