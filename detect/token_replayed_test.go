package detect_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/event"
)

// TestTokenReplayedElsewhere: a token whose vendor records where it was
// issued (Azure's ipaddr claim) and that succeeds from another network its
// actor never used is token_replayed_elsewhere, whoever's it is; not from
// the issue network, not from a network the actor used, not across IP
// families, not from a private address, not when it fails, not for a
// roaming bot, and not without an issue address.
func TestTokenReplayedElsewhere(t *testing.T) {
	for _, c := range []struct {
		name, owner, issued, from, outcome string
		fires                              bool
	}{
		{"alice's token from a VPS", "alice", "198.51.100.23", "185.220.101.4", "success", true},
		{"bob's token from a cloud", "bob", "192.0.2.10", "34.90.1.2", "success", true},
		{"from the network it was issued to", "alice", "198.51.100.23", "198.51.7.9", "success", false},
		{"from a network the actor used", "alice", "198.51.100.23", "203.0.113.77", "success", false},
		{"issued over IPv4, used over IPv6", "alice", "198.51.100.23", "2001:db8:77::5", "success", false},
		{"from a private address", "alice", "198.51.100.23", "10.4.0.9", "success", false},
		{"denied", "alice", "198.51.100.23", "185.220.101.4", "denied", false},
		{"a bot on a dozen networks", "ci-bot", "198.51.100.23", "185.220.101.4", "success", false},
		{"no issue address", "alice", "", "185.220.101.4", "success", false},
	} {
		t.Run(c.name, func(t *testing.T) {
			evs := ipHistory(c.owner, []string{"198.51.100.23", "203.0.113.5", "192.0.2.10"})
			if c.owner == "ci-bot" {
				evs = ipHistory(c.owner, roamingIPs(12))
			}
			ev := ipUse("x", c.owner, t0.Add(10*24*time.Hour+3*time.Hour), c.from)
			ev.Outcome, ev.Attrs = c.outcome, map[string]string{}
			if c.issued != "" {
				ev.Attrs["azure.token_ip"] = c.issued
			}
			got := rulesOf(run(t, newEngine(t), append(evs, ev)))
			require.Equal(t, c.fires, got["token_replayed_elsewhere"] != nil, "%v", got)
			if c.fires {
				require.Contains(t, got["token_replayed_elsewhere"].Explanation.Reason, "issued to "+c.issued+" ")
			}
		})
	}
}

// ipHistory is ten days of owner's tokens (one an hour's session, as Azure
// issues them) used from each of ips in turn, keyed by address only.
func ipHistory(owner string, ips []string) []event.Event {
	var evs []event.Event
	for d := range 10 {
		for h := 0; h < 24; h += 6 {
			evs = append(evs, ipUse(fmt.Sprintf("%s-%d-%d", owner, d, h), owner, t0.Add(time.Duration(d*24+h)*time.Hour), ips[(d*4+h/6)%len(ips)]))
		}
	}
	return evs
}

// ipUse is a successful read of a secret by owner's hourly token from ip.
func ipUse(id, owner string, at time.Time, ip string) event.Event {
	ev := use(id, fmt.Sprintf("uti-%s-%d", owner, at.Unix()/3600), at, 0, "", 0, 0)
	ev.Action, ev.Secret = "secret.read", event.Secret{ID: "kv/db-pass", Name: "db-pass", Tenant: "acme"}
	ev.Source = event.Source{IP: ip, UserAgent: "azsdk-go/1.1"}
	ev.Actor = event.Actor{ID: owner, Type: "user", Tenants: []string{"acme"}}
	ev.Token.Owner, ev.Token.Kind = owner, "session"
	return ev
}

// roamingIPs are n addresses in n networks (a hosted runner's blocks).
func roamingIPs(n int) []string {
	ips := make([]string, n)
	for i := range ips {
		ips[i] = fmt.Sprintf("%d.%d.3.4", 40+i, 10+i)
	}
	return ips
}
