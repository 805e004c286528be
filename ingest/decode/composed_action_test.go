package decode_test

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/redact"
)

// TestComposedActionsHoldNoAssignment: an action joined from a service and
// a vendor's name ("secretsmanager:" + an eventName) may read as a secret's
// assignment that neither name was alone; the stored event never holds it,
// whichever vendor joined it.
func TestComposedActionsHoldNoAssignment(t *testing.T) {
	red, err := redact.New([]byte("0123456789abcdef0123"))
	require.NoError(t, err)
	for name, msg := range map[string]string{
		"cloudtrail": `{"eventVersion":"1.08","eventTime":"2026-11-20T10:00:00Z","eventSource":"secretsmanager.amazonaws.com","eventName":"'0000000000000",` +
			`"recipientAccountId":"111122223333","userIdentity":{"type":"IAMUser","arn":"arn:aws:iam::111122223333:user/ann","accountId":"111122223333"}}`,
		"gcp":  gcpEntry(set("protoPayload.methodName", "'0000000000000")),
		"okta": oktaEvent(set("eventType", "password:'0000000000000")),
	} {
		ev, _, err := decodeAs(t, "", msg)
		require.NoError(t, err, name)
		b, err := json.Marshal(ev)
		require.NoError(t, err)
		_, kinds := red.Bytes(b)
		require.Empty(t, kinds, "%s: %s", name, b)
	}
}
