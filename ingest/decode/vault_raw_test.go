package decode_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/ingest/decode"
)

// vaultRawPlain are values a Vault audit device writes in the clear under
// log_raw (or without hashing): secrets read and written, AppRole logins,
// nested and listed material.
var vaultRawPlain = []string{"Sup3rS3cretValue", "AnotherPlain9", "ReqPlainValue7", "role-1234-plain", "sid-9f8e-plain", "ListedPlain42"}

// TestVaultRawDataNeverKept: the data of a log_raw entry reaches neither the
// stored remainder, nor the kept original, nor a dead letter; hashed values
// and the accessor a token is tracked by stay, whether the format is told by
// the topic or sniffed.
func TestVaultRawDataNeverKept(t *testing.T) {
	entries := map[string]string{
		"kv v2 read": vaultEntry("secret/data/app/db", "read",
			set("response.data", obj{"data": obj{"value": vaultRawPlain[0], "db_pass": vaultRawPlain[1]}, "metadata": obj{"version": 3}})),
		"kv v1 write": vaultEntry("kv/app/db", "update", set("request.data", obj{"value": vaultRawPlain[2], "hashed": "hmac-sha256:beef"})),
		"approle login": vaultEntry("auth/approle/login", "update",
			set("request.data", obj{"role_id": vaultRawPlain[3], "secret_id": vaultRawPlain[4]})),
		"listed values": vaultEntry("secret/data/list", "read", set("response.data", obj{"keys": []any{vaultRawPlain[5], obj{"v": vaultRawPlain[0]}}})),
		"revoke by accessor": vaultEntry("auth/token/revoke-accessor", "update",
			set("request.data", obj{"accessor": "acc-plain-1", "note": vaultRawPlain[1]})),
	}
	for name, msg := range entries {
		for _, topic := range []string{"auto", "vault"} {
			d := newDecoder(t).CarryRemainder().WithSources(decode.Sources{DefaultTenant: "t", TopicFormats: map[string]string{"vault": "vault"}})
			evs, err := d.DecodeMessage([]byte(msg), topic)
			require.NoError(t, err, name)
			kept := string(evs[0].Unmapped) + string(evs[0].Raw) + string(d.Scrub([]byte(msg)))
			for _, plain := range vaultRawPlain {
				require.NotContains(t, kept, plain, "%s (%s)", name, topic)
			}
			require.Contains(t, evs[0].Redactions, "vault_data", name)
			if strings.Contains(msg, "hmac-sha256:beef") {
				require.Contains(t, string(evs[0].Unmapped), "hmac-sha256:beef", "%s: a hashed value stays", name)
			}
			if strings.Contains(name, "accessor") {
				require.Equal(t, "acc-plain-1", evs[0].Token.ID, "the accessor still names the token")
			}
		}
	}
}

// TestVaultHashedDataUnchanged: a default (hashing) device's entry is kept
// as it was, with no vault_data redaction.
func TestVaultHashedDataUnchanged(t *testing.T) {
	msg := vaultEntry("secret/data/app/db", "read", set("response.data", obj{"data": obj{"value": "hmac-sha256:0a0b"}}))
	ev := decodeOK(t, newDecoder(t).CarryRemainder().WithSources(decode.Sources{DefaultTenant: "t"}), msg)
	require.NotContains(t, ev.Redactions, "vault_data")
	require.Contains(t, string(ev.Raw), "hmac-sha256:0a0b")
}

// TestRequestDataOfOtherFormatsIsNotVaults: a request.data object in
// another vendor's event is that vendor's, not a Vault entry's.
func TestRequestDataOfOtherFormatsIsNotVaults(t *testing.T) {
	for _, class := range []int{6003, 3002} {
		msg := ocsfMsg(t, class, obj{"api": obj{"operation": "x"}, "request": obj{"data": obj{"note": "kept-plain-note"}}})
		d := newDecoder(t).CarryRemainder().WithSources(decode.Sources{DefaultTenant: "t"})
		evs, err := d.DecodeMessage(msg, "auto")
		require.NoError(t, err)
		require.NotContains(t, evs[0].Redactions, "vault_data", "class %d", class)
		require.Contains(t, string(evs[0].Raw), "kept-plain-note", "class %d", class)
	}
}
