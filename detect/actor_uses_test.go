package detect_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/event"
)

// TestActorsLearnNetworksFromUsesOnly: a thief who widens alice's token
// from their own server and then uses it from there is judged as using a
// network alice never used — the widening taught the engine nothing —
// whether the use comes minutes or a day later, from the server or from
// another network. alice widening from home and using it there is quiet.
func TestActorsLearnNetworksFromUsesOnly(t *testing.T) {
	for _, c := range []struct {
		name          string
		widenASN, asn uint32
		after         time.Duration
		wantAlert     bool
	}{
		{"thief, minutes later", 14061, 14061, 12 * time.Minute, true},
		{"thief, a day later", 14061, 14061, 26 * time.Hour, true},
		{"thief, then from a VPN", 14061, 9009, 40 * time.Minute, true},
		{"alice at home", 3320, 3320, 12 * time.Minute, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			evs := history("tok")
			widen := use("widen", "tok", t0.Add(10*24*time.Hour+2*time.Hour), c.widenASN, "NL", 52.37, 4.9)
			widen.Action, widen.Token.Scopes = "token.update_scopes", []string{"repo.read"}
			widen.Resource = event.Resource{Type: "token", ID: "tok"}
			then := use("then", "tok", widen.Time.Add(c.after), c.asn, "NL", 52.37, 4.9)
			got := rulesOf(run(t, newEngine(t), append(evs, widen, then)))
			a, ok := got["first_seen_asn"]
			require.Equal(t, c.wantAlert, ok, "first_seen_asn on the use")
			if ok {
				require.Equal(t, []string{"then"}, a.EventIDs)
			}
		})
	}
}
