package suppressions

import (
	"context"
	"strconv"
	"strings"
	"time"

	"github.com/credwatch/credwatch/detect"
)

// States a listing can ask for.
const (
	StateActive  = "active"  // not ended, not expired
	StateEnded   = "ended"   // ended early
	StateExpired = "expired" // not ended, past its expiry
	StateAll     = "all"
)

// Filter selects suppressions.
type Filter struct {
	Scope []string // tenants in scope; nil: every suppression, those of every tenant included
	State string   // one of the states above; "" is active
	Now   time.Time
	Limit int // default and cap 1000
}

// List returns the suppressions f selects, newest first.
func (s *Store) List(ctx context.Context, f Filter) ([]Record, error) {
	where, args := []string{"1"}, []any{}
	if f.Scope != nil {
		where, args = append(where, "has(?, tenant)"), append(args, f.Scope)
	}
	switch f.State {
	case StateEnded:
		where = append(where, "ended = 1")
	case StateExpired:
		where, args = append(where, "ended = 0", "expires <= ?"), append(args, f.Now.UTC())
	case StateAll:
	default:
		where, args = append(where, "ended = 0", "expires > ?"), append(args, f.Now.UTC())
	}
	limit := f.Limit
	if limit <= 0 || limit > 1000 {
		limit = 1000
	}
	return s.query(ctx, "SELECT "+selectColumns+" FROM suppressions FINAL WHERE "+strings.Join(where, " AND ")+
		" ORDER BY created DESC, id LIMIT "+strconv.Itoa(limit), args...)
}

// Lookback is how long after its expiry a suppression is still handed to
// detection: expiry is judged in event time, and events arrive late.
const Lookback = 24 * time.Hour

// MaxActive bounds the suppressions detection loads.
const MaxActive = 10000

// Active returns the suppressions detection must honour at now: those not
// ended, expiring after now minus Lookback.
func (s *Store) Active(ctx context.Context, now time.Time) ([]detect.Suppression, error) {
	recs, err := s.query(ctx, "SELECT "+selectColumns+" FROM suppressions FINAL WHERE ended = 0 AND expires > ? "+
		"ORDER BY id LIMIT "+strconv.Itoa(MaxActive), now.Add(-Lookback).UTC())
	if err != nil {
		return nil, err
	}
	out := make([]detect.Suppression, len(recs))
	for i, r := range recs {
		out[i] = r.Suppression
	}
	return out, nil
}
