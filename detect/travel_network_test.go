package detect_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/detect"
	"github.com/credwatch/credwatch/event"
)

// TestTravelWithinOneNetwork: a credential whose uses hop between a cloud
// provider's regions (CI runners on one ASN, usual client) raises at most a
// low impossible_travel, in either direction and for any of its regions;
// the same jump to another network, or on the same network with a new
// client, stays high.
func TestTravelWithinOneNetwork(t *testing.T) {
	regions := []struct {
		country  string
		lat, lon float64
	}{{"US", 37.4, -122.1}, {"NL", 52.4, 4.9}, {"SG", 1.35, 103.8}}
	for i, from := range regions {
		to := regions[(i+1)%len(regions)]
		for _, c := range []struct {
			name, agent, severity string
			asn                   uint32
		}{{"same network, usual client", "GitHub-Actions/2.320", "low", 8075},
			{"other network", "GitHub-Actions/2.320", "high", 9009},
			{"same network, new client", "curl/8.5.0", "high", 8075}} {
			var evs []event.Event // a settled credential: 9 days of runs in one region
			for d := range 9 {
				ev := use("r"+string(rune('a'+d)), "ci-tok", t0.Add(time.Duration(d)*24*time.Hour), 8075, from.country, from.lat, from.lon)
				ev.Source.UserAgent = "GitHub-Actions/2.320"
				evs = append(evs, ev)
			}
			hop := use("hop", "ci-tok", evs[8].Time.Add(24*time.Minute), c.asn, to.country, to.lat, to.lon)
			hop.Source.UserAgent = c.agent
			travel := travelAlert(t, append(evs, hop))
			require.NotNil(t, travel, "%s → %s, %s", from.country, to.country, c.name)
			require.Equal(t, c.severity, travel.Severity, "%s → %s, %s", from.country, to.country, c.name)
		}
	}
}

func travelAlert(t *testing.T, evs []event.Event) *detect.Alert {
	for _, a := range run(t, newEngine(t), evs) {
		if a.Rule == "impossible_travel" {
			return a
		}
	}
	return nil
}
