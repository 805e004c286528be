package gen_test

import (
	"math"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/event"
	"github.com/credwatch/credwatch/gen"
)

// history is what the warm-up shows of credential or actor id: the days,
// ASNs and countries it was used on, and its last event.
type history struct {
	days      map[string]bool
	asns      map[uint32]bool
	countries map[string]bool
	last      event.Event
}

// historyOf is the history of the warm-up events for which of holds.
func historyOf(warm []event.Event, of func(*event.Event) bool) history {
	h := history{days: map[string]bool{}, asns: map[uint32]bool{}, countries: map[string]bool{}}
	for _, ev := range warm {
		if of(&ev) {
			h.days[ev.Time.Format(time.DateOnly)] = true
			h.asns[ev.Source.ASN], h.countries[ev.Source.Country] = true, true
			h.last = ev
		}
	}
	return h
}

func token(id string) func(*event.Event) bool {
	return func(ev *event.Event) bool { return ev.Token.ID == id }
}

func actor(id string) func(*event.Event) bool {
	return func(ev *event.Event) bool { return ev.Actor.ID == id }
}

func km(a, b event.Source) float64 {
	const r, rad = 6371.0, math.Pi / 180
	dLat, dLon := (b.Lat-a.Lat)*rad, (b.Lon-a.Lon)*rad
	x := math.Sin(dLat/2)*math.Sin(dLat/2) + math.Cos(a.Lat*rad)*math.Cos(b.Lat*rad)*math.Sin(dLon/2)*math.Sin(dLon/2)
	return 2 * r * math.Asin(math.Sqrt(x))
}

func firstSeenASN(t *testing.T, warm, attack []event.Event) {
	h := historyOf(warm, token(attack[0].Token.ID))
	require.GreaterOrEqual(t, len(h.days), 8)
	require.True(t, len(h.asns) >= 1 && len(h.asns) <= 2, "%v", h.asns)
	for _, ev := range attack {
		require.False(t, h.asns[ev.Source.ASN], "a new ASN")
		require.False(t, gen.IsVPN(ev.Source.ASN), "a residential one")
		require.True(t, h.countries[ev.Source.Country], "in the home country")
		require.Less(t, km(h.last.Source, ev.Source), 100.0, "no travel")
	}
}

func impossibleTravel(t *testing.T, warm, attack []event.Event) {
	h := historyOf(warm, token(attack[0].Token.ID))
	require.GreaterOrEqual(t, len(h.days), 8)
	gap := attack[0].Time.Sub(h.last.Time)
	require.True(t, gap >= 15*time.Minute && gap <= 25*time.Minute, "%v", gap)
	require.Greater(t, km(h.last.Source, attack[0].Source), 5000.0)
	require.False(t, h.countries[attack[0].Source.Country])
	require.False(t, h.asns[attack[0].Source.ASN])
}

func dormant(t *testing.T, warm, attack []event.Event) {
	h := historyOf(warm, token(attack[0].Token.ID))
	require.GreaterOrEqual(t, len(h.days), 8)
	require.GreaterOrEqual(t, attack[0].Time.Sub(h.last.Time), 95*24*time.Hour)
	require.Equal(t, "token.use", attack[0].Action)
	require.Equal(t, "success", attack[0].Outcome)
}

func leaked(t *testing.T, warm, attack []event.Event) {
	report := attack[0]
	require.Equal(t, "token.leak_reported", report.Action)
	require.Equal(t, event.Actor{ID: "secret-scanning", Type: "service"}, report.Actor)
	require.Equal(t, "github", report.Attrs["source"])
	require.GreaterOrEqual(t, len(historyOf(warm, token(report.Token.ID)).days), 8)
	use := attack[1]
	require.Equal(t, report.Token.ID, use.Token.ID)
	require.Equal(t, "token.use", use.Action)
	require.True(t, gen.IsVPN(use.Source.ASN))
	require.Less(t, use.Time.Sub(report.Time), 3*time.Hour)
}

func minted(t *testing.T, warm, attack []event.Event) {
	create := attack[0]
	h := historyOf(warm, actor(create.Actor.ID))
	require.Equal(t, "token.create", create.Action)
	require.True(t, strings.HasPrefix(create.Source.UserAgent, "Mozilla/"), "in the web UI")
	require.NotEmpty(t, create.SessionID)
	require.True(t, h.asns[create.Source.ASN], "created from home")
	use := attack[1]
	require.Equal(t, create.Token.ID, use.Token.ID)
	gap := use.Time.Sub(create.Time)
	require.True(t, gap >= 2*time.Minute && gap <= 10*time.Minute, "%v", gap)
	require.True(t, gen.IsVPN(use.Source.ASN))
	require.False(t, h.countries[use.Source.Country], "in a country the user never used")
}

func scopeEscalation(t *testing.T, warm, attack []event.Event) {
	update := attack[0]
	require.Equal(t, "token.update_scopes", update.Action)
	require.Contains(t, update.Token.Scopes, "org.admin")
	h := historyOf(warm, token(update.Token.ID))
	require.GreaterOrEqual(t, len(h.days), 8)
	require.Equal(t, []string{"repo.content.read"}, h.last.Token.Scopes)
	var legacy bool
	for _, ev := range attack[1:] {
		require.Less(t, ev.Time.Sub(update.Time), 30*time.Minute)
		require.Equal(t, attack[1].Source.IP, ev.Source.IP)
		require.True(t, gen.IsVPN(ev.Source.ASN))
		if ev.Token.ID == update.Token.ID {
			require.Equal(t, update.Token.Scopes, ev.Token.Scopes)
			require.False(t, h.asns[ev.Source.ASN])
		}
		legacy = legacy || ev.Token.Kind == "org_legacy"
	}
	require.True(t, legacy, "the legacy org token is used too")
}

func repersistence(t *testing.T, warm, attack []event.Event) {
	revoke := attack[0]
	require.Equal(t, "token.revoke", revoke.Action)
	h := historyOf(warm, actor(revoke.Actor.ID))
	require.GreaterOrEqual(t, len(h.days), 8)
	require.Len(t, h.asns, 1, "from home only")
	var actions []string
	for _, ev := range attack[1:] {
		require.Equal(t, revoke.Actor.ID, ev.Actor.ID)
		require.Less(t, ev.Time.Sub(revoke.Time), time.Hour)
		require.False(t, h.asns[ev.Source.ASN])
		require.True(t, gen.IsVPN(ev.Source.ASN))
		actions = append(actions, ev.Action)
	}
	require.Subset(t, actions, []string{"token.create", "webhook.create"})
}

func duplicateProbe(t *testing.T, warm, attack []event.Event) {
	dup := attack[0]
	require.Equal(t, "space.duplicate", dup.Action)
	require.Len(t, dup.Actor.Tenants, 1)
	require.NotEqual(t, dup.Actor.Tenants[0], dup.Tenant)
	require.True(t, strings.HasPrefix(dup.Attrs["target"], dup.Actor.Tenants[0]+"/"))
	require.NotEmpty(t, warm)
	var list, reads, denied int
	for _, ev := range attack[1:] {
		require.Equal(t, dup.Actor.ID, ev.Actor.ID)
		require.Equal(t, dup.Tenant, ev.Tenant)
		require.Less(t, ev.Time.Sub(dup.Time), 30*time.Minute)
		require.Equal(t, "space:"+dup.Resource.ID, ev.Secret.Workload)
		switch ev.Action {
		case "secret.list":
			list++
		case "secret.read":
			reads++
		}
		if ev.Outcome == "denied" {
			denied++
		}
	}
	require.Equal(t, 1, list)
	require.GreaterOrEqual(t, reads, 3)
	require.Greater(t, denied, (list+reads)/2)
}
