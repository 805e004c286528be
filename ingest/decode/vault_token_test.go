package decode_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/redact"
)

// newToken is a response.auth naming a token the request minted.
var newToken = obj{"accessor": "hmac-sha256:n3w", "client_token": "hmac-sha256:n3wt", "display_name": "token",
	"entity_id": "ent-alice", "policies": []string{"deploy"}, "token_type": "batch"}

// vaultTokenCases: which token an event names, and who its actor is.
var vaultTokenCases = []adapterCase{
	{name: "caller's token", msg: vaultEntry("secret/data/a", "read"),
		want: map[string]string{"token.id": "hmac-sha256:a11ce", "token.owner": "ent-alice", "token.created_at": "2026-11-20T07:00:00Z",
			"actor.id": "userpass-alice", "actor.type": "user", "attrs.vault.token_type": "service", "attrs.vault.policies": "default,dev",
			"attrs.vault.caller_accessor": "", "source.ip": "10.1.2.3", "source.internal": "true", "id": "req-1", "request_id": "req-1"}},
	{name: "token create names the new token", msg: vaultEntry("auth/token/create-orphan", "update", set("response.auth", newToken)),
		want: map[string]string{"action": "token.create", "token.id": "hmac-sha256:n3w", "token.owner": "ent-alice",
			"token.created_at": "2026-11-20T08:00:00.123Z", "resource.type": "token", "resource.id": "hmac-sha256:n3w",
			"attrs.vault.caller_accessor": "hmac-sha256:a11ce", "attrs.vault.token_type": "batch", "attrs.vault.policies": "deploy",
			"actor.id": "userpass-alice", "attrs.vault.path": "auth/token/create-orphan"}},
	{name: "token create with a role", msg: vaultEntry("auth/token/create/ci", "update", set("response.auth", newToken)),
		want: map[string]string{"action": "token.create", "attrs.vault.path": "auth/token/create"}},
	{name: "denied token create names no token", msg: vaultEntry("auth/token/create", "update", set("error", "1 error occurred:\n\t* permission denied\n\n")),
		want: map[string]string{"action": "token.create", "outcome": "denied", "token.id": "", "resource.id": "",
			"attrs.vault.caller_accessor": "hmac-sha256:a11ce"}},
	{name: "revoke self", msg: vaultEntry("auth/token/revoke-self", "update"),
		want: map[string]string{"action": "token.revoke", "token.id": "hmac-sha256:a11ce", "attrs.vault.caller_accessor": ""}},
	{name: "revoke by accessor", msg: vaultEntry("auth/token/revoke-accessor", "update", set("request.data", obj{"accessor": "hmac-sha256:0ld"})),
		want: map[string]string{"action": "token.revoke", "token.id": "hmac-sha256:0ld", "token.owner": "", "resource.id": "hmac-sha256:0ld",
			"attrs.vault.caller_accessor": "hmac-sha256:a11ce"}},
	{name: "revoke by value copies nothing of it", msg: vaultEntry("auth/token/revoke", "update", set("request.data", obj{"token": "hvs.PLAINTEXTVALUE"})),
		want: map[string]string{"action": "token.revoke", "token.id": "", "attrs.vault.caller_accessor": "hmac-sha256:a11ce"}},
	{name: "value in an old path is cut", msg: vaultEntry("auth/token/revoke/hvs.PLAINTEXTVALUE", "update"),
		want: map[string]string{"action": "token.revoke", "attrs.vault.path": "auth/token/revoke"}},
	{name: "lookup self", msg: vaultEntry("auth/token/lookup-self", "read"), want: map[string]string{"action": "token.lookup", "token.id": "hmac-sha256:a11ce"}},
	{name: "lookup by value", msg: vaultEntry("auth/token/lookup", "update"), want: map[string]string{"action": "token.lookup", "token.id": ""}},
	{name: "renew is not in the catalogue", msg: vaultEntry("auth/token/renew-self", "update"),
		want: map[string]string{"action": "vault.update", "resource.id": "auth/token/renew-self", "token.id": "hmac-sha256:a11ce"}},
	{name: "login on a nested mount is a service", msg: vaultEntry("auth/kubernetes/prod/login", "update",
		set("auth", obj{"accessor": "hmac-sha256:k8s", "display_name": "kubernetes-payments-api", "entity_id": "ent-api",
			"metadata": obj{"role": "payments", "service_account_name": "api", "service_account_namespace": "payments"}})),
		want: map[string]string{"action": "token.create", "token.id": "hmac-sha256:k8s", "actor.type": "service",
			"attrs.vault.service_account": "payments/api", "attrs.vault.role": "payments", "attrs.vault.caller_accessor": ""}},
	{name: "oidc callback minting a token", msg: vaultEntry("auth/oidc/oidc/callback", "read", set("response.auth", newToken)),
		want: map[string]string{"action": "token.create", "token.id": "hmac-sha256:n3w", "attrs.vault.caller_accessor": ""}},
	{name: "approle role_name is a service", msg: vaultEntry("secret/data/a", "read", set("auth.metadata", obj{"role_name": "ci"})),
		want: map[string]string{"actor.type": "service", "attrs.vault.role": "ci"}},
	{name: "an approle token's actor is its role", msg: vaultEntry("secret/data/a", "read",
		set("auth.display_name", "approle"), set("auth.metadata", obj{"role_name": "payments"})),
		want: map[string]string{"actor.id": "approle:payments", "actor.type": "service", "token.owner": "ent-alice"}},
	{name: "another approle role is another actor", msg: vaultEntry("secret/data/a", "read",
		set("auth.display_name", "approle"), set("auth.metadata", obj{"role_name": "ci"})),
		want: map[string]string{"actor.id": "approle:ci"}},
	{name: "approle without a role name stays approle", msg: vaultEntry("secret/data/a", "read",
		set("auth.display_name", "approle"), set("auth.metadata", obj{"token_ttl": "1h"})),
		want: map[string]string{"actor.id": "approle", "actor.type": "user"}},
	{name: "a named display keeps its name beside a role name", msg: vaultEntry("secret/data/a", "read",
		set("auth.display_name", "approle-ci"), set("auth.metadata", obj{"role_name": "ci"})),
		want: map[string]string{"actor.id": "approle-ci"}},
	{name: "oidc role alone is a user", msg: vaultEntry("secret/data/a", "read", set("auth.metadata", obj{"role": "okta_admin"})),
		want: map[string]string{"actor.type": "user", "attrs.vault.role": "okta_admin"}},
	{name: "aws iam role is a service", msg: vaultEntry("secret/data/a", "read",
		set("auth.metadata", obj{"canonical_arn": "arn:aws:iam::123456789012:role/app"})), want: map[string]string{"actor.type": "service"}},
	{name: "aws iam user is a user", msg: vaultEntry("secret/data/a", "read",
		set("auth.metadata", obj{"canonical_arn": "arn:aws:iam::123456789012:user/bob"})), want: map[string]string{"actor.type": "user"}},
	{name: "entity when no display name", msg: vaultEntry("secret/data/a", "read", set("auth.display_name", remove)),
		want: map[string]string{"actor.id": "ent-alice", "actor.type": "user"}},
	{name: "owner is the display name without entity", msg: vaultEntry("secret/data/a", "read", set("auth.entity_id", remove)),
		want: map[string]string{"token.owner": "userpass-alice"}},
}

// TestVaultTokens decodes vaultTokenCases.
func TestVaultTokens(t *testing.T) { runAdapterCases(t, "vault", vaultTokenCases) }

// TestVaultBatchToken: a batch token has no accessor; its client_token is its
// handle when HMAC'd (or already a redaction reference, when the redactor
// recognises the field), and a plaintext one is never copied.
func TestVaultBatchToken(t *testing.T) {
	ev, _, err := decodeAs(t, "vault", vaultEntry("secret/data/a", "read", set("auth.accessor", remove), set("auth.token_type", "batch")))
	require.NoError(t, err)
	require.True(t, ev.Token.ID == "hmac-sha256:c0ffee" || strings.HasPrefix(ev.Token.ID, redact.Prefix), ev.Token.ID)
	require.Equal(t, "batch", ev.Attrs["vault.token_type"])

	ev, _, err = decodeAs(t, "vault", vaultEntry("secret/data/a", "read", set("auth.accessor", remove),
		set("auth.client_token", "hvb.PLAINTEXTVALUE")))
	require.NoError(t, err)
	require.NotContains(t, ev.Token.ID, "PLAINTEXT")
	require.True(t, ev.Token.ID == "" || strings.HasPrefix(ev.Token.ID, redact.Prefix), ev.Token.ID)
}
