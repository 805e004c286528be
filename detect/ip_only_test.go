package detect_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/event"
)

// ipOnly is a use carrying an IP and no ASN or geolocation, as CloudTrail,
// Vault and GitHub records do.
func ipOnly(id, tok string, at time.Time, ip string) event.Event {
	ev := use(id, tok, at, 0, "", 0, 0)
	ev.Source = event.Source{IP: ip, UserAgent: "aws-cli/2.15.0"}
	return ev
}

// TestNetworksFromIPsAlone: with no ASN in its events, a settled
// credential's use from a new /16 raises first_seen_asn naming the prefix,
// a use from another address of its usual /16 raises nothing, and a token
// created from one network and used minutes later from another raises
// minted_then_used_elsewhere, for IPv4 and IPv6 callers.
func TestNetworksFromIPsAlone(t *testing.T) {
	for _, c := range []struct{ home, homeAgain, away, prefix string }{
		{"203.0.113.10", "203.0.7.99", "185.220.101.47", "185.220.0.0/16"},
		{"2001:db8:10::5", "2001:db8:ffff::9", "2a01:4f8:c010::1", "2a01:4f8::/32"},
	} {
		var evs []event.Event
		for d := range 10 {
			evs = append(evs, ipOnly(fmt.Sprintf("h%d", d), "AKIAEXAMPLE", t0.Add(time.Duration(d)*24*time.Hour), c.home))
		}
		quiet := run(t, newEngine(t), append(evs, ipOnly("same-net", "AKIAEXAMPLE", t0.Add(10*24*time.Hour), c.homeAgain)))
		require.Empty(t, quiet, c.home)
		a := rulesOf(run(t, newEngine(t), append(evs, ipOnly("tor", "AKIAEXAMPLE", t0.Add(10*24*time.Hour), c.away))))["first_seen_asn"]
		require.NotNil(t, a, c.away)
		require.Contains(t, a.Explanation.Reason, c.prefix)

		mint := ipOnly("mint", "ASIASESSION", t0.Add(10*24*time.Hour), c.home)
		mint.Action = "token.create"
		away := ipOnly("vps", "ASIASESSION", mint.Time.Add(5*time.Minute), c.away)
		m := rulesOf(run(t, newEngine(t), append(evs, mint, away)))["minted_then_used_elsewhere"]
		require.NotNil(t, m, "minted from %s, used from %s", c.home, c.away)
	}
}
