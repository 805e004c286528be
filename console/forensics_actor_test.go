package console

import (
	"net/url"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// TestActorActivity: the actor's events and counts in the tenants in
// scope; paging through events three to a millisecond.
func TestActorActivity(t *testing.T) {
	x := newForensicRig(t)
	var all ActorActivity
	x.getJSON(t, "tok-admin", "/api/v1/actors/mallory/activity", &all)
	require.Equal(t, uint64(4), all.Total)
	require.Equal(t, []string{"mal-acme-1", "mal-initech-1", "mal-globex-2", "mal-globex-1"}, eventIDs2(all.Events))
	require.Equal(t, map[string]uint64{"token.use": 3, "secret.read": 1}, countMap(all.ByAction))
	require.Equal(t, map[string]uint64{"tok_acme": 2, "tok_globex": 1, "sec_db": 1}, countMap(all.ByCredential))
	require.Equal(t, map[string]uint64{"acme": 1, "globex": 2, "initech": 1}, countMap(all.ByTenant))
	require.Equal(t, []NetworkUse{{ASN: 9009, Country: "RO", Events: 4}}, all.ByNetwork)

	var two ActorActivity
	x.getJSON(t, "tok-two", "/api/v1/actors/mallory/activity", &two)
	require.Equal(t, uint64(3), two.Total)
	require.Equal(t, map[string]uint64{"tok_acme": 2, "sec_db": 1}, countMap(two.ByCredential))
	require.Equal(t, map[string]uint64{"acme": 1, "globex": 2}, countMap(two.ByTenant))
	x.getJSON(t, "tok-globex-investigator", "/api/v1/actors/mallory/activity?tenant=acme", &two)
	require.Zero(t, two.Total)
	require.Empty(t, two.Events)
	require.Empty(t, two.ByTenant)

	var window ActorActivity
	x.getJSON(t, "tok-admin", "/api/v1/actors/mallory/activity?from="+rfc(now.Add(-100*time.Minute))+
		"&to="+rfc(now.Add(-85*time.Minute)), &window)
	require.Equal(t, []string{"mal-initech-1"}, eventIDs2(window.Events))

	var ids []string
	next := ""
	for range 10 {
		var p ActorActivity
		x.getJSON(t, "tok-admin", "/api/v1/actors/pager/activity?limit=7&before="+url.QueryEscape(next), &p)
		ids = append(ids, eventIDs2(p.Events)...)
		if next = p.Next; next == "" {
			break
		}
	}
	require.Equal(t, pagerIDs(true, nil), ids)
	x.requireBadParam(t, "tok-admin", "/api/v1/actors/pager/activity?before=1%20OR%201=1", "before")
	x.requireBadParam(t, "tok-admin", "/api/v1/actors/pager/activity?to=2026-01-01T00:00:00Z&from=2026-06-01T00:00:00Z", "from")
}
