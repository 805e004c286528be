package console

import (
	"context"
	"net/url"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestReplayedEventsAreCountedOnce: every event stored twice (a replay not
// yet merged away) is searched, paged and counted once.
func TestReplayedEventsAreCountedOnce(t *testing.T) {
	x := newRig(t)
	for range 2 {
		require.NoError(t, x.st.InsertRows(context.Background(), tenantEvents()))
	}
	day := "from=" + url.QueryEscape(now.AddDate(0, 0, -1).Format("2006-01-02T15:04:05Z")) +
		"&to=" + url.QueryEscape(now.Format("2006-01-02T15:04:05Z"))
	for _, limit := range []string{"1", "2", "5"} {
		var ids []string
		next := ""
		for range 10 {
			var page struct {
				Events []struct{ ID string }
				Next   string
			}
			q := "/api/v1/events/search?" + day + "&limit=" + limit
			if next != "" {
				q += "&before=" + url.QueryEscape(next)
			}
			x.getJSON(t, "tok-admin", q, &page)
			for _, e := range page.Events {
				ids = append(ids, e.ID)
			}
			if next = page.Next; next == "" {
				break
			}
		}
		require.Equal(t, []string{"ev-acme-0", "ev-acme-1", "ev-globex-0", "ev-globex-1", "ev-initech-0", "ev-initech-1"}, ids, "limit %s", limit)
	}
	var activity ActorActivity
	x.getJSON(t, "tok-admin", "/api/v1/actors/user@acme/activity?"+day, &activity)
	require.EqualValues(t, 2, activity.Total)
	require.EqualValues(t, 2, activity.ByAction[0].Events)
}
