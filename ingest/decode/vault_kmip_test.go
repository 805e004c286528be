package decode_test

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// kmipEntry is a Vault Enterprise KMIP audit entry of type typ, shaped as
// the KMIP secrets engine writes one (a TLS client certificate, not a
// token, authenticates the client: auth holds only a token_type; the
// operation's TTLV is under request.data and response.data), changed by
// changes.
func kmipEntry(typ string, changes ...func(obj)) string {
	ttlv := []obj{{"tag": "UniqueIdentifier", "type": "TextString", "value": "4L2Xc42pQo3V3QIBzFut37NLhZgtfKv6"}}
	e := obj{
		"time": "2026-11-20T03:58:45.389287Z", "type": typ,
		"auth": obj{"token_type": "default"},
		"request": obj{
			"id": "0f5b1f0c-kmip", "namespace": obj{"id": "root"},
			"data": obj{"kmip_request": obj{"operation": "Get", "payload": ttlv}},
		},
	}
	if typ == "kmip-response" {
		e["response"] = obj{"data": obj{"kmip_response": obj{"payload": []obj{ttlv[0],
			{"tag": "KeyMaterial", "type": "ByteString", "value": "3ec8d789147fc436789a5ea2ecb5d7ba"}}}}}
	}
	return withChanges(e, changes)
}

// TestVaultKMIPEntriesSkipped: KMIP entries name no Vault token or user
// and carry key material; both kinds are skipped (not dead-lettered), in a
// vault topic and when detected.
func TestVaultKMIPEntriesSkipped(t *testing.T) {
	cases := map[string]string{
		"kmip request":                 kmipEntry("kmip-request"),
		"kmip response":                kmipEntry("kmip-response"),
		"kmip response with error":     kmipEntry("kmip-response", set("error", "Operation not permitted")),
		"kmip response in a namespace": kmipEntry("kmip-response", set("request.namespace", obj{"id": "Vb9mI", "path": "ns1/"})),
		"kmip response without time":   kmipEntry("kmip-response", set("time", remove)),
	}
	for name, msg := range cases {
		for _, format := range []string{"vault", ""} {
			t.Run(name+"/"+format, func(t *testing.T) {
				_, skipped, err := decodeAs(t, format, msg)
				require.NoError(t, err)
				require.True(t, skipped)
			})
		}
	}
}

// TestVaultOtherTypesStillRejected: only request, response and their KMIP
// kinds are audit entries.
func TestVaultOtherTypesStillRejected(t *testing.T) {
	for _, typ := range []string{"kmip", "kmip-", "KMIP-RESPONSE", "kmip-audit"} {
		_, _, err := decodeAs(t, "vault", kmipEntry(typ))
		require.Error(t, err, typ)
	}
}

// TestVaultKMIPKeyMaterialScrubbed: a KMIP entry is told as Vault's, so
// its data (a Get's key material) is replaced wherever the entry is
// written out, a dead letter included.
func TestVaultKMIPKeyMaterialScrubbed(t *testing.T) {
	out := string(newDecoder(t).Scrub([]byte(kmipEntry("kmip-response"))))
	require.NotContains(t, out, "3ec8d789147fc436789a5ea2ecb5d7ba")
	require.Contains(t, out, `"type":"kmip-response"`)
}
