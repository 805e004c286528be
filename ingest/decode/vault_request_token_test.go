package decode_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/ingest/decode"
	"github.com/credwatch/credwatch/redact"
)

// vaultDeniedIssue is a real response entry (elastic/integrations,
// hashicorp_vault audit test-audit.log): a PKI issue refused to a token
// Vault did not resolve, so its auth holds nothing but the token type and
// the presented token is only in request.client_token (HMAC'd).
const vaultDeniedIssue = `{"time":"2021-07-19T17:19:00.674663552Z","type":"response","auth":{"token_type":"default"},` +
	`"request":{"id":"24ac580b-805a-d9ee-4d0d-7046932f4e05","operation":"update","mount_type":"pki",` +
	`"client_token":"hmac-sha256:db417023d954a03aea8f56a3daf35460aa51920337420c7c22bcbb6b10852f23","namespace":{"id":"root"},` +
	`"path":"internal-ca/issue/internal-server","data":{"common_name":"hmac-sha256:bc800a949f7b2fe6401884da3a085de232365d7b508d741198fa2d88815f6d7c"},` +
	`"remote_address":"10.6.8.34"},"response":{"mount_type":"pki","data":{"error":"hmac-sha256:409ef1533baffc8e15cd4424780c9aba5d10f168b8d641f111da43e7955451fa"}},` +
	`"error":"1 error occurred:\n\t* permission denied\n\n"}`

// TestVaultDeniedKeepsPresentedToken: a request refused before Vault
// resolved its token still names the token presented, by the request's
// client_token_accessor, else its HMAC'd client_token: probing with a
// stolen or revoked token must not lose the token.
func TestVaultDeniedKeepsPresentedToken(t *testing.T) {
	d := newDecoder(t).WithSources(decode.Sources{Format: "vault", DefaultTenant: "t"})
	ev := decodeOK(t, d, vaultDeniedIssue)
	require.Equal(t, "denied", ev.Outcome)
	require.Equal(t, "secret.read", ev.Action)
	byHash := ev.Token.ID
	require.True(t, strings.HasPrefix(byHash, "hmac-sha256:") || strings.HasPrefix(byHash, redact.Prefix), byHash)

	// The same token presented again, from elsewhere, later: the same id.
	again := strings.NewReplacer("10.6.8.34", "203.0.113.9", "2021-07-19T17:19:00", "2021-07-20T03:05:10",
		"24ac580b", "99ac580b").Replace(vaultDeniedIssue)
	require.Equal(t, byHash, decodeOK(t, d, again).Token.ID)

	// Another token: another id.
	other := strings.Replace(vaultDeniedIssue, "db417023", "aa417023", 1)
	require.NotEqual(t, byHash, decodeOK(t, d, other).Token.ID)

	// A request that also logs the token's accessor is named by it, as the
	// token's other uses are.
	withAccessor := strings.Replace(vaultDeniedIssue, `"namespace"`, `"client_token_accessor":"hmac-sha256:acc355","namespace"`, 1)
	require.Equal(t, "hmac-sha256:acc355", decodeOK(t, d, withAccessor).Token.ID)
}

// TestVaultRequestTokenNeverPlaintext: a plaintext request.client_token
// (log_raw) is never copied, and an auth that names its token wins.
func TestVaultRequestTokenNeverPlaintext(t *testing.T) {
	ev, _, err := decodeAs(t, "vault", vaultEntry("secret/data/a", "read", set("auth", obj{"token_type": "default"}),
		set("request.client_token", "hvs.PLAINTEXTVALUE"), set("request.client_token_accessor", remove), set("error", "permission denied")))
	require.NoError(t, err)
	require.NotContains(t, ev.Token.ID, "PLAINTEXT")

	ev, _, err = decodeAs(t, "vault", vaultEntry("secret/data/a", "read", set("request.client_token_accessor", "hmac-sha256:0ther")))
	require.NoError(t, err)
	require.Equal(t, "hmac-sha256:a11ce", ev.Token.ID)
}
