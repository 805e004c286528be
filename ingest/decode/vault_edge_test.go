package decode_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/ingest/decode"
)

// vaultEdgeCases: outcomes, tenants, skips, rejections and what a lenient
// reader does with missing, mistyped, placeholder and huge fields.
var vaultEdgeCases = []adapterCase{
	{name: "request entry skipped", msg: vaultEntry("secret/data/a", "read", set("type", "request"), set("response", remove)), skipped: true},
	{name: "permission denied", msg: vaultEntry("secret/data/a", "read", set("error", "1 error occurred:\n\t* permission denied\n\n")),
		want: map[string]string{"outcome": "denied"}},
	{name: "other error", msg: vaultEntry("transit/keys/k", "delete", set("error", "deletion is not allowed for this key")),
		want: map[string]string{"outcome": "failure"}},
	{name: "error in response data only", msg: vaultEntry("auth/userpass/login/bob", "update", set("auth", obj{"token_type": "default"}),
		set("response.data.error", "hmac-sha256:e")),
		want: map[string]string{"outcome": "failure", "action": "token.create", "actor.id": "", "actor.type": "anonymous", "token.id": ""}},
	{name: "error of another type", msg: vaultEntry("secret/data/a", "read", set("error", 7)),
		want: map[string]string{"outcome": "failure", "warnings": "error:wrong_type"}},
	{name: "empty error", msg: vaultEntry("secret/data/a", "read", set("error", "")), want: map[string]string{"outcome": "success"}},
	{name: "namespace is the tenant", msg: vaultEntry("secret/data/a", "read", set("request.namespace", obj{"id": "Vb9mI", "path": "education/training/"})),
		want: map[string]string{"tenant": "education/training", "secret.id": "education/training/secret/a", "attrs.vault.path": "education/training/secret/data/a"}},
	{name: "root namespace takes the topic's tenant", msg: vaultEntry("secret/data/a", "read"), want: map[string]string{"tenant": "topic-tenant"}},
	{name: "no request id derives one", msg: vaultEntry("secret/data/a", "read", set("request.id", remove)),
		want: map[string]string{"request_id": "", "warnings": "id:derived"}},
	{name: "missing auth is anonymous", msg: vaultEntry("secret/data/a", "read", set("auth", remove)),
		want: map[string]string{"actor.id": "", "actor.type": "anonymous", "token.id": "hmac-sha256:a11ce", "action": "secret.read"}},
	{name: "auth of another type", msg: vaultEntry("secret/data/a", "read", set("auth", "root")),
		want: map[string]string{"actor.type": "anonymous", "warnings": "auth:wrong_type"}},
	{name: "placeholder display name", msg: vaultEntry("secret/data/a", "read", set("auth.display_name", "-")),
		want: map[string]string{"actor.id": "ent-alice", "warnings": "auth.display_name:placeholder"}},
	{name: "huge display name", msg: vaultEntry("secret/data/a", "read", set("auth.display_name", strings.Repeat("a", 5000))),
		want: map[string]string{"actor.id": "ent-alice", "warnings": "auth.display_name:too_long"}},
	{name: "huge path", msg: vaultEntry("secret/data/"+strings.Repeat("p", 5000), "read"),
		want: map[string]string{"action": "vault.read", "resource.id": "", "warnings": "request.path:too_long"}},
	{name: "policies of another type", msg: vaultEntry("secret/data/a", "read", set("auth.policies", "root")),
		want: map[string]string{"attrs.vault.policies": "", "warnings": "auth.policies:wrong_type"}},
	{name: "bad issue time", msg: vaultEntry("secret/data/a", "read", set("auth.token_issue_time", "yesterday")),
		want: map[string]string{"token.created_at": "", "warnings": "auth.token_issue_time:bad_time"}},
	{name: "address with a port", msg: vaultEntry("secret/data/a", "read", set("request.remote_address", "203.0.113.9:8200")),
		want: map[string]string{"source.ip": "203.0.113.9", "source.internal": "", "warnings": "request.remote_address:normalised"}},
	{name: "logged user agent", msg: vaultEntry("secret/data/a", "read", set("request.headers", obj{"user-agent": []string{"vault-agent/1.21"}})),
		want: map[string]string{"source.user_agent": "vault-agent/1.21"}},
	{name: "hashed user agent", msg: vaultEntry("secret/data/a", "read", set("request.headers", obj{"user-agent": []string{"hmac-sha256:ab"}})),
		want: map[string]string{"source.user_agent": ""}},
	{name: "unknown type", msg: vaultEntry("secret/data/a", "read", set("type", "audit")), errAt: "type", errWhy: decode.ReasonInvalid},
	{name: "missing request", msg: vaultEntry("", "", set("request", remove)), errAt: "request.operation", errWhy: decode.ReasonMissing},
	{name: "request of another type", msg: vaultEntry("", "", set("request", "GET secret")), errAt: "request.operation", errWhy: decode.ReasonMissing},
	{name: "operation of another type", msg: vaultEntry("secret/data/a", "", set("request.operation", 1)), errAt: "request.operation", errWhy: decode.ReasonType},
	{name: "missing time", msg: vaultEntry("secret/data/a", "read", set("time", remove)), errAt: "time", errWhy: decode.ReasonMissing},
	{name: "bad time", msg: vaultEntry("secret/data/a", "read", set("time", "07/02/2020")), errAt: "time", errWhy: decode.ReasonBadTime},
}

// TestVaultEdges decodes vaultEdgeCases.
func TestVaultEdges(t *testing.T) { runAdapterCases(t, "vault", vaultEdgeCases) }

// TestVaultNeverCopiesSecretValues: request data, response data and error
// texts (plaintext under log_raw) reach no field or attribute.
func TestVaultNeverCopiesSecretValues(t *testing.T) {
	const secret = "s3cr3t-VALUE-do-not-copy"
	msg := vaultEntry("secret/data/a", "update", set("request.data", obj{"data": obj{"password": secret}, "token": secret, "accessor": secret}),
		set("response.data", obj{"data": obj{"password": secret}, "error": secret}), set("response.auth", obj{"client_token": secret}),
		set("error", "error converting input "+secret), set("auth.client_token", secret), set("auth.accessor", remove))
	ev, _, err := decodeAs(t, "vault", msg)
	require.NoError(t, err)
	ev.Raw = nil
	b, err := json.Marshal(ev)
	require.NoError(t, err)
	require.NotContains(t, string(b), secret)
	require.Equal(t, "failure", ev.Outcome)
}
