package console

import (
	"context"
	"fmt"
	"strconv"
	"time"

	"golang.org/x/sync/errgroup"
)

// TimelineEvent is one event of a credential's timeline.
type TimelineEvent struct {
	Time      time.Time `json:"time"`
	TimeMS    uint64    `json:"time_ms"`
	ID        string    `json:"id"`
	Tenant    string    `json:"tenant"`
	Action    string    `json:"action"`
	Outcome   string    `json:"outcome"`
	Actor     string    `json:"actor"`
	Resource  string    `json:"resource"`
	IP        string    `json:"source_ip"`
	ASN       uint32    `json:"source_asn"`
	Country   string    `json:"source_country"`
	UserAgent string    `json:"source_user_agent"`
	Workload  string    `json:"workload"`
}

// Timeline is a credential's events (one page, newest first) and, over the
// whole range, its networks and uses per hour.
type Timeline struct {
	Credential string          `json:"credential"`
	Events     []TimelineEvent `json:"events"`
	Next       string          `json:"next,omitempty"` // the before= of the next page (time_ms:id)
	Networks   []NetworkUse    `json:"networks"`
	Hourly     []HourlyUse     `json:"hourly"`
}

// NetworkUse is how often the credential was used from one network.
type NetworkUse struct {
	ASN     uint32 `json:"asn"`
	Country string `json:"country"`
	Events  uint64 `json:"events"`
}

// HourlyUse is the credential's events in one hour, for a plot.
type HourlyUse struct {
	Hour   time.Time `json:"hour"`
	Events uint64    `json:"events"`
}

// where is the timeline's filter over events_by_token (sorted by token id,
// then time), every value bound.
func (f timelineFilter) where(scope []string) (string, []any) {
	q, args := "token_id = ? AND time >= ? AND time < ?", []any{f.Credential, f.From, f.To}
	if scope != nil {
		q, args = q+" AND has(?, tenant)", append(args, scope)
	}
	return q, args
}

// credentialTimeline runs the page and the two summaries, side by side
// (they scan the same rows), within the query timeout.
func (s *Server) credentialTimeline(ctx context.Context, f timelineFilter, scope []string) (Timeline, error) {
	ctx, cancel := context.WithTimeout(ctx, s.cfg.QueryTimeout)
	defer cancel()
	out := Timeline{Credential: f.Credential, Events: []TimelineEvent{}, Networks: []NetworkUse{}, Hourly: []HourlyUse{}}
	where, args := f.where(scope)
	g, gctx := errgroup.WithContext(ctx)
	g.Go(func() error { return s.timelineSummary(gctx, where, args, &out) })
	g.Go(func() error { return s.timelinePage(gctx, f, where, args, &out) })
	return out, g.Wait()
}

// timelinePage fills one page of events, newest first, and the cursor of
// the next.
func (s *Server) timelinePage(ctx context.Context, f timelineFilter, where string, args []any, out *Timeline) error {
	page, pargs := where, args
	if f.Before > 0 { // after the previous page's last event, in the page order
		page = page + " AND (time_ms < ? OR (time_ms = ? AND id > ?))"
		pargs = append(append([]any{}, args...), uint64(f.Before), uint64(f.Before), f.BeforeID)
	}
	rows, err := s.cfg.Store.Conn().Query(ctx, "SELECT time, time_ms, id, tenant, action, outcome, actor_id, "+
		"resource_type || ':' || resource_id, source_ip, source_asn, source_country, source_user_agent, workload_id "+
		"FROM events_by_token FINAL WHERE "+page+" ORDER BY time_ms DESC, id LIMIT "+strconv.Itoa(f.Limit+1), pargs...)
	if err != nil {
		return fmt.Errorf("timeline: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var e TimelineEvent
		if err := rows.Scan(&e.Time, &e.TimeMS, &e.ID, &e.Tenant, &e.Action, &e.Outcome, &e.Actor, &e.Resource,
			&e.IP, &e.ASN, &e.Country, &e.UserAgent, &e.Workload); err != nil {
			return fmt.Errorf("timeline: scan: %w", err)
		}
		out.Events = append(out.Events, e)
	}
	if len(out.Events) > f.Limit {
		out.Events = out.Events[:f.Limit]
		last := out.Events[f.Limit-1]
		out.Next = strconv.FormatUint(last.TimeMS, 10) + ":" + last.ID
	}
	return rows.Err()
}
