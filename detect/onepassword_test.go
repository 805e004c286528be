package detect_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/event"
	"github.com/credwatch/credwatch/ingest/decode"
)

// opFetch is a 1Password item usage: reader fetches item from ip (a
// service account's server-fetch, or a person's reveal).
func opFetch(t *testing.T, id, reader, item, action, ip string, at time.Time) event.Event {
	t.Helper()
	msg := fmt.Sprintf(`{"uuid":%q,"timestamp":%q,"used_version":1,"vault_uuid":"vlt-ci","item_uuid":%q,
		"user":{"uuid":"u-%s","name":%q,"email":%q},"client":{"app_name":"1Password CLI","app_version":"2.30.0","ip_address":%q},"action":%q}`,
		id, at.Format(time.RFC3339Nano), item, reader, reader, reader, ip, action)
	return decodeFrom(t, msg, at, decode.Sources{DefaultTenant: "acme"})
}

// TestOnePasswordServiceAccountFromANewNetwork: a service account that
// fetched its items from CI (one /16) for ten days and then fetches one from
// a network neither it nor its tenant used is first_seen_asn, whichever
// account and item; from CI again it is not.
func TestOnePasswordServiceAccountFromANewNetwork(t *testing.T) {
	for _, c := range []struct {
		name, reader, item, action, ip string
		fires                          bool
	}{
		{"ci-deploy's fetch from a VPS", "ci-deploy@sa.example", "db-password", "server-fetch", "185.220.101.4", true},
		{"release-bot's fetch from a cloud it never used", "release-bot@sa.example", "npm-token", "server-fetch", "20.61.14.9", true},
		{"from CI again", "ci-deploy@sa.example", "db-password", "server-fetch", "34.90.17.250", false},
	} {
		t.Run(c.name, func(t *testing.T) {
			var evs []event.Event
			for _, sa := range []struct{ reader, item string }{{"ci-deploy@sa.example", "db-password"}, {"release-bot@sa.example", "npm-token"}} {
				for h := 0; h < 240; h += 2 {
					evs = append(evs, opFetch(t, fmt.Sprintf("%s-%d", sa.reader, h), sa.reader, sa.item, "server-fetch", "34.90.17.2",
						t0.Add(time.Duration(h)*time.Hour)))
				}
			}
			evs = append(evs, opFetch(t, "x", c.reader, c.item, c.action, c.ip, t0.Add(241*time.Hour)))
			got := rulesOf(run(t, newEngine(t), evs))
			require.Equal(t, c.fires, got["first_seen_asn"] != nil, "%v", got)
		})
	}
}
