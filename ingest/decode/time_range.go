package decode

import (
	"math"
	"time"
)

// The times an event can carry. Detection receives events as Unix
// nanoseconds in an int64 (event.AppendWire), which wraps outside
// 1677-09-21 … 2262-04-11: a year-1000 time arrived as 2153, a token made
// in 2263 as made in 1678. A time outside is refused, never carried.
var (
	earliestTime = time.Unix(math.MinInt64/int64(time.Second)+1, 0).UTC()
	latestTime   = time.Unix(math.MaxInt64/int64(time.Second), 0).UTC()
)

// carriable reports whether an event can carry t.
func carriable(t time.Time) bool { return !t.Before(earliestTime) && !t.After(latestTime) }

// inRangeTime returns t when an event can carry it; else it reports the field
// (see badTime) and returns the zero time.
func (r *reader) inRangeTime(t time.Time, path string, required bool) time.Time {
	switch {
	case t.Before(earliestTime):
		r.badTime(fieldErr(path, ReasonBadTime, "%s is before %s, the earliest time an event can carry",
			t.Format(time.RFC3339), earliestTime.Format(time.DateOnly)), required)
	case t.After(latestTime):
		r.badTime(fieldErr(path, ReasonFuture, "%s is after %s, the latest time an event can carry",
			t.Format(time.RFC3339), latestTime.Format(time.DateOnly)), required)
	default:
		return t
	}
	return time.Time{}
}
