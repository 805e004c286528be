package console

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/store"
)

// tokenEvents are 5 uses of tok_shared in each of acme and globex (a token
// used across tenants), an hour apart, two of them from a foreign network.
func tokenEvents() store.Rows {
	cols := []string{"token_id", "time", "time_ms", "id", "tenant", "action", "outcome", "actor_id", "actor_type", "secret_id",
		"resource_type", "resource_id", "source_ip", "source_asn", "source_country", "source_user_agent", "source_internal",
		"workload_id", "workload_phase", "ingested_at"}
	rows := store.Rows{Table: "events_by_token", Columns: cols}
	for i := range 10 {
		tenant, asn, country := []string{"acme", "globex"}[i%2], uint32(3320), "DE"
		if i >= 8 {
			asn, country = 9009, "RO"
		}
		at := now.Add(-time.Duration(10-i) * time.Hour)
		rows.Values = append(rows.Values, []any{"tok_shared", at, uint64(at.UnixMilli()), fmt.Sprintf("ev-%02d", i), tenant,
			"token.use", "success", "user@acme", "user", "", "model", "acme/m", "198.51.100.7", asn, country, "hf_hub/0.26",
			uint8(0), "", "", at})
	}
	return rows
}

// TestTimelineScopedAndPaged: an investigator sees the token's events in
// the tenants in scope only, page by page without gaps or repeats, with
// its networks and uses per hour; roles without Investigate get 403.
func TestTimelineScopedAndPaged(t *testing.T) {
	x := newRig(t)
	require.NoError(t, x.st.InsertRows(context.Background(), tokenEvents()))
	all := x.timeline(t, "tok-admin", "")
	require.Len(t, all.Events, 10)
	require.Equal(t, "ev-09", all.Events[0].ID, "newest first")
	require.Equal(t, []NetworkUse{{ASN: 3320, Country: "DE", Events: 8}, {ASN: 9009, Country: "RO", Events: 2}}, all.Networks)
	require.Len(t, all.Hourly, 10)

	acme := x.timeline(t, "tok-acme-investigator", "")
	require.Len(t, acme.Events, 5)
	for _, e := range acme.Events {
		require.Equal(t, "acme", e.Tenant)
	}
	require.Empty(t, x.timeline(t, "tok-initech-investigator", "").Events)

	var paged []string
	next := ""
	for range 5 {
		q := "?limit=3"
		if next != "" {
			q += "&before=" + url.QueryEscape(next)
		}
		p := x.timeline(t, "tok-admin", q)
		for _, e := range p.Events {
			paged = append(paged, e.ID)
		}
		if next = p.Next; next == "" {
			break
		}
	}
	require.Equal(t, []string{"ev-09", "ev-08", "ev-07", "ev-06", "ev-05", "ev-04", "ev-03", "ev-02", "ev-01", "ev-00"}, paged)

	for _, token := range []string{"tok-acme", "tok-viewer"} {
		code, _ := x.get(t, token, "/api/v1/credentials/tok_shared/timeline")
		require.Equal(t, http.StatusForbidden, code, token)
	}
	code, _ := x.get(t, "tok-admin", "/api/v1/credentials/tok_shared/timeline?before="+url.QueryEscape("1 OR 1=1"))
	require.Equal(t, http.StatusBadRequest, code)
	require.Equal(t, "credential.timeline", x.actions.entries[len(x.actions.entries)-1].Action)
}

// timeline is GET /api/v1/credentials/tok_shared/timeline+q (200 required).
func (x *rig) timeline(t *testing.T, token, q string) Timeline {
	code, body := x.get(t, token, "/api/v1/credentials/tok_shared/timeline"+q)
	require.Equal(t, http.StatusOK, code, string(body))
	var out Timeline
	require.NoError(t, json.Unmarshal(body, &out))
	return out
}

// TestTimelinePagesThroughUnmergedDuplicates: every event stored twice (a
// replay not yet merged away) still pages without gaps or repeats, in
// either page size, and the summaries count each once.
func TestTimelinePagesThroughUnmergedDuplicates(t *testing.T) {
	x := newRig(t)
	for range 2 {
		require.NoError(t, x.st.InsertRows(context.Background(), tokenEvents()))
	}
	want := []string{"ev-09", "ev-08", "ev-07", "ev-06", "ev-05", "ev-04", "ev-03", "ev-02", "ev-01", "ev-00"}
	for _, limit := range []int{1, 3, 4, 10} {
		var paged []string
		next := ""
		for range 12 {
			q := fmt.Sprintf("?limit=%d", limit)
			if next != "" {
				q += "&before=" + url.QueryEscape(next)
			}
			p := x.timeline(t, "tok-admin", q)
			for _, e := range p.Events {
				paged = append(paged, e.ID)
			}
			if next = p.Next; next == "" {
				break
			}
		}
		require.Equal(t, want, paged, "limit %d", limit)
	}
	sum := x.timeline(t, "tok-admin", "")
	hourly, networks := uint64(0), uint64(0)
	for _, h := range sum.Hourly {
		hourly += h.Events
	}
	for _, n := range sum.Networks {
		networks += n.Events
	}
	require.Equal(t, []uint64{10, 10}, []uint64{hourly, networks}, "the summaries count each event once")
}
