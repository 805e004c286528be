package detect_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/event"
)

// TestFreshSessionSweepFromAStranger: a role's fresh session (a Lambda's
// credentials lifted from its environment) that reads 20 or more distinct
// secrets within minutes from a network the role never used is enumeration,
// whatever the role and however the reads are spread; the same sweep from
// the role's own network, a smaller one, or one the role makes at every
// start (a config sync) is not.
func TestFreshSessionSweepFromAStranger(t *testing.T) {
	for _, c := range []struct {
		name          string
		role          string
		asn           uint32
		secrets       int
		spread        time.Duration
		habitPerStart int // secrets the role reads at each daily start
		fires         bool
	}{
		{"lambda session from a VPS", "orders-processor", 200651, 25, 2 * time.Minute, 2, true},
		{"another role, reads spread over 8 minutes", "billing-sync", 9009, 22, 8 * time.Minute, 1, true},
		{"the role's own network", "orders-processor", 16509, 25, 2 * time.Minute, 2, false},
		{"a dozen secrets", "orders-processor", 200651, 12, 2 * time.Minute, 2, false},
		{"a config sync that reads 30 at every start", "config-sync", 200651, 28, 2 * time.Minute, 30, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			evs := roleStarts(c.role, 10, c.habitPerStart)
			at := t0.Add(12 * 24 * time.Hour)
			for i := range c.secrets {
				ev := roleRead(c.role, "stolen-session", fmt.Sprintf("prod/app/s%d", i), at.Add(c.spread*time.Duration(i)/time.Duration(c.secrets)), c.asn)
				evs = append(evs, ev)
			}
			got := rulesOf(run(t, newEngine(t), evs))
			require.Equal(t, c.fires, got["enumeration"] != nil, "%v", got)
		})
	}
}

// roleStarts is days of a role's daily start: a fresh session reading
// perStart secrets from the cloud's network (AS16509).
func roleStarts(role string, days, perStart int) []event.Event {
	var evs []event.Event
	for d := range days {
		at := t0.Add(time.Duration(d) * 24 * time.Hour)
		for i := range perStart {
			evs = append(evs, roleRead(role, fmt.Sprintf("session-%d", d), fmt.Sprintf("prod/app/s%d", i), at.Add(time.Duration(i)*time.Second), 16509))
		}
	}
	return evs
}

// roleRead is role's session reading secret at at from asn.
func roleRead(role, session, secret string, at time.Time, asn uint32) event.Event {
	ev := use(fmt.Sprintf("%s-%s-%s-%d", role, session, secret, at.Unix()), session, at, asn, "US", 39.0, -77.5)
	ev.Action, ev.Actor = "secret.read", event.Actor{ID: role, Type: "service", Tenants: []string{"acme"}}
	ev.Secret = event.Secret{ID: secret, Tenant: "acme"}
	return ev
}
