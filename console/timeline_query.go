package console

import (
	"context"
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

// timelineSelect are a TimelineEvent's columns in events_by_token (and
// events_by_secret), in scanTimelineEvent's order.
const timelineSelect = "time, time_ms, id, tenant, action, outcome, actor_id, " +
	"resource_type || ':' || resource_id, source_ip, source_asn, source_country, source_user_agent, workload_id"

// scanTimelineEvent reads one row of timelineSelect.
func scanTimelineEvent(rows scanner) (TimelineEvent, error) {
	var e TimelineEvent
	err := rows.Scan(&e.Time, &e.TimeMS, &e.ID, &e.Tenant, &e.Action, &e.Outcome, &e.Actor, &e.Resource,
		&e.IP, &e.ASN, &e.Country, &e.UserAgent, &e.Workload)
	return e, err
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
