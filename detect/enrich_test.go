package detect_test

import (
	"fmt"
	"net/netip"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/event"
	"github.com/credwatch/credwatch/ingest/decode"
)

// prefixASNs names the AS of addresses in a few prefixes.
type prefixASNs map[string]uint32

func (p prefixASNs) Lookup(a netip.Addr) (uint32, string, bool) {
	for prefix, asn := range p {
		if netip.MustParsePrefix(prefix).Contains(a) {
			return asn, fmt.Sprintf("AS%d", asn), true
		}
	}
	return 0, "", false
}

// kvRead is a Key Vault SecretGet by app with the access token uti from ip,
// decoded with networks (none: nil).
func kvRead(t *testing.T, networks decode.Networks, id, app, uti string, at time.Time, ip string) event.Event {
	t.Helper()
	msg := fmt.Sprintf(`{"time":%q,"category":"AuditEvent","operationName":"SecretGet","resultType":"Success","callerIpAddress":%q,
		"correlationId":%q,"identity":{"claim":{"appid":%q,"idtyp":"app","uti":%q}},"properties":{"id":"https://kv.vault.azure.net/secrets/db/1",
		"httpStatusCode":200},"resourceId":"/SUBSCRIPTIONS/S-1/RESOURCEGROUPS/P/PROVIDERS/MICROSOFT.KEYVAULT/VAULTS/KV"}`,
		at.Format(time.RFC3339Nano), ip, id, app, uti)
	return decodeOne(t, msg, at, networks)
}

// TestASDatabaseNamesTheRealNetwork: Key Vault names no AS, so without a
// database the engine keys a caller's network by its address's /16. An app
// that read a secret from three of Azure's /16s for ten days and then from
// a fourth is then on a new network (a false first_seen_asn); with an AS
// database all four are Azure's AS 8075, and only a read from a VPS is new.
func TestASDatabaseNamesTheRealNetwork(t *testing.T) {
	asns := prefixASNs{"20.32.0.0/11": 8075, "40.64.0.0/10": 8075, "52.128.0.0/9": 8075, "185.220.100.0/22": 205100, "34.64.0.0/10": 396982}
	azure := []string{"20.61.14.200", "40.74.1.2", "52.140.3.4"}
	for _, c := range []struct {
		name     string
		networks decode.Networks
		app, ip  string
		fires    bool
	}{
		{"from a VPS, with the database", asns, "deploy-bot", "185.220.101.4", true},
		{"another app from a cloud, with the database", asns, "etl-app", "34.90.1.2", true},
		{"from another of Azure's /16s, with the database", asns, "deploy-bot", "52.160.9.9", false},
		{"from a VPS, without a database", nil, "deploy-bot", "185.220.101.4", true},
		{"from another of Azure's /16s, without a database", nil, "etl-app", "52.160.9.9", true},
	} {
		t.Run(c.name, func(t *testing.T) {
			var evs []event.Event
			for _, app := range []string{"deploy-bot", "etl-app"} {
				for h := 0; h < 240; h += 4 {
					evs = append(evs, kvRead(t, c.networks, fmt.Sprintf("%s-%d", app, h), app, fmt.Sprintf("uti-%s-%d", app, h),
						t0.Add(time.Duration(h)*time.Hour), azure[h/4%len(azure)]))
				}
			}
			evs = append(evs, kvRead(t, c.networks, "x", c.app, "uti-x", t0.Add(241*time.Hour), c.ip))
			got := rulesOf(run(t, newEngine(t), evs))
			require.Equal(t, c.fires, got["first_seen_asn"] != nil, "%v", got)
		})
	}
}
