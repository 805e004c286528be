package gen_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/event"
	"github.com/credwatch/credwatch/gen"
)

// foreignRuntimeRead: for 8 days or more the Space's runtime reads only its
// own secrets; then, from the same host with the same token, it reads
// secrets of two or more other Spaces of its org within three minutes.
func foreignRuntimeRead(t *testing.T, warm, attack []event.Event) {
	space := warm[0].Workload.ID
	h := historyOf(warm, func(ev *event.Event) bool { return ev.Workload.ID == space })
	require.GreaterOrEqual(t, len(h.days), 8)
	for _, ev := range warm {
		require.Equal(t, "secret.read", ev.Action)
		require.Equal(t, space, ev.Secret.Workload, "the runtime reads its own secrets only")
		require.Equal(t, "runtime", ev.Workload.Phase)
		require.True(t, ev.Source.Internal, "from the platform's network")
		require.Equal(t, space, ev.Token.Workload, "with its bound token")
	}
	owners, read := map[string]bool{}, 0
	for _, ev := range attack {
		require.Equal(t, "secret.read", ev.Action)
		require.Equal(t, event.Actor{ID: space, Type: "space", Tenants: ev.Actor.Tenants}, ev.Actor)
		require.Equal(t, h.last.Workload, ev.Workload, "the same running build")
		require.Equal(t, h.last.Token.ID, ev.Token.ID)
		require.Equal(t, h.last.Source.IP, ev.Source.IP, "from the same host")
		require.NotEqual(t, space, ev.Secret.Workload)
		require.Equal(t, ev.Tenant, ev.Secret.Tenant, "of the same org")
		owners[ev.Secret.Workload] = true
		if ev.Outcome == "success" {
			read++
		}
	}
	require.True(t, len(attack) >= 3 && len(attack) <= 8, "%d reads", len(attack))
	require.GreaterOrEqual(t, len(owners), 2, "of two Spaces or more")
	require.GreaterOrEqual(t, read, 2)
	require.Equal(t, "success", attack[0].Outcome)
	require.Less(t, attack[len(attack)-1].Time.Sub(attack[0].Time), 3*time.Minute)
}

// revokedReplay: a token in use from home for 8 days or more is revoked
// (by its owner or someone else); minutes to hours later it is presented
// again, as its owner, from one VPN or hosting address in another country
// and on a network the token never used: refused, but for one accepted use
// after the first, more than a minute after the revocation.
func revokedReplay(t *testing.T, warm, attack []event.Event) {
	revoke := attack[0]
	require.Equal(t, "token.revoke", revoke.Action)
	require.Equal(t, "success", revoke.Outcome)
	h := historyOf(warm, token(revoke.Token.ID))
	require.GreaterOrEqual(t, len(h.days), 8)
	require.Equal(t, revoke.Token.Owner, h.last.Actor.ID)
	uses := attack[1:]
	gap := uses[0].Time.Sub(revoke.Time)
	require.True(t, gap >= 3*time.Minute && gap <= 2*time.Hour, "%v", gap)
	require.True(t, len(uses) >= 4 && len(uses) <= 9, "%d uses", len(uses))
	var accepted []int
	for i, ev := range uses {
		require.Equal(t, "token.use", ev.Action)
		require.Equal(t, revoke.Token.ID, ev.Token.ID)
		require.Equal(t, revoke.Token.Owner, ev.Actor.ID)
		require.Equal(t, uses[0].Source.IP, ev.Source.IP, "one address")
		require.True(t, gen.IsVPN(ev.Source.ASN))
		require.False(t, h.asns[ev.Source.ASN], "a network the token never used")
		require.False(t, h.countries[ev.Source.Country], "in another country")
		if ev.Outcome == "success" {
			accepted = append(accepted, i)
		} else {
			require.Equal(t, "denied", ev.Outcome)
		}
	}
	require.Len(t, accepted, 1, "one use still accepted")
	require.Positive(t, accepted[0], "after a refusal")
	require.Greater(t, uses[accepted[0]].Time.Sub(revoke.Time), time.Minute)
}
