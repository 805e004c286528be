package console

import (
	"context"
	"fmt"
	"strconv"
	"time"
)

// AlertTimeline is the alert's credential's events from Around before its
// first seen to Around after its last seen, oldest first, in the tenants
// the user may see.
type AlertTimeline struct {
	Credential string          `json:"credential"`
	From       time.Time       `json:"from"`
	To         time.Time       `json:"to"`
	Source     string          `json:"source,omitempty"` // token or secret: the history the events came from
	Truncated  bool            `json:"truncated"`        // more events than the limit in the span
	Events     []TimelineEvent `json:"events"`
}

// credentialHistories are the tables holding one credential's events
// sorted by its id: a token's, else a secret's.
var credentialHistories = []struct{ source, table, key string }{
	{"token", "events_by_token", "token_id"},
	{"secret", "events_by_secret", "secret_id"},
}

// alertTimeline reads the credential's events around the alert from the
// first history that has any.
func (s *Server) alertTimeline(ctx context.Context, a AlertRecord, p alertPage, scope []string) (AlertTimeline, error) {
	out := AlertTimeline{Credential: a.Credential, From: a.FirstSeen.Add(-p.Around).UTC(), To: a.LastSeen.Add(p.Around).UTC(),
		Events: []TimelineEvent{}}
	if a.Credential == "" {
		return out, nil
	}
	scoped, scopeArgs := inScope("tenant", scope)
	for _, h := range credentialHistories {
		args := append([]any{a.Credential, out.From, out.To}, scopeArgs...)
		rows, err := s.cfg.Store.Conn().Query(ctx, "SELECT "+timelineSelect+" FROM "+h.table+" FINAL WHERE "+h.key+
			" = ? AND time >= ? AND time <= ? AND "+scoped+" ORDER BY time_ms, id LIMIT "+strconv.Itoa(p.Limit+1), args...)
		if err != nil {
			return out, fmt.Errorf("alert timeline: %w", err)
		}
		for rows.Next() {
			e, err := scanTimelineEvent(rows)
			if err != nil {
				rows.Close()
				return out, fmt.Errorf("alert timeline: scan: %w", err)
			}
			out.Events = append(out.Events, e)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return out, fmt.Errorf("alert timeline: %w", err)
		}
		if len(out.Events) > 0 {
			out.Source = h.source
			break
		}
	}
	if len(out.Events) > p.Limit {
		out.Events, out.Truncated = out.Events[:p.Limit], true
	}
	return out, nil
}
