package decode

import (
	"math"
	"strconv"
	"time"

	"github.com/valyala/fastjson"
)

// epochTime reads a time given as a number since the Unix epoch in seconds,
// milliseconds, microseconds or nanoseconds, told apart by magnitude (any
// time after 1973 in one unit is below the smallest such time in the next).
// A lenient reader also takes the number as a string, or an RFC 3339 string.
func (r *reader) epochTime(v *fastjson.Value, key, path string, required bool) time.Time {
	c := v.Get(key)
	if c == nil || c.Type() == fastjson.TypeNull {
		if required {
			r.reject(fieldErr(path, ReasonMissing, "is required"))
		}
		return time.Time{}
	}
	if c.Type() == fastjson.TypeString && r.lenient {
		s := string(c.GetStringBytes())
		if f, err := strconv.ParseFloat(s, 64); err == nil {
			return r.fromEpoch(f, path, required)
		}
		return r.timestamp(v, key, path, required)
	}
	f, ok := r.number(v, key, path)
	if !ok {
		if required {
			r.reject(fieldErr(path, ReasonMissing, "is required (seconds, milliseconds or microseconds since the epoch)"))
		}
		return time.Time{}
	}
	return r.fromEpoch(f, path, required)
}

func (r *reader) fromEpoch(f float64, path string, required bool) time.Time {
	var t time.Time
	switch a := math.Abs(f); {
	case a < 1e11: // seconds and their fraction apart: past 2262 f*1e9 overflows nanoseconds
		sec := math.Floor(f)
		t = time.Unix(int64(sec), int64((f-sec)*1e9))
	case a < 1e14:
		t = time.UnixMilli(int64(f)) // whole units: exact, as float products are not
	case a < 1e17:
		t = time.UnixMicro(int64(f))
	case a < 9.2e18:
		t = time.Unix(0, int64(f))
	default:
		r.badTime(fieldErr(path, ReasonBadTime, "%v is too large for a time", f), required)
		return time.Time{}
	}
	return r.inRangeTime(t.UTC().Truncate(time.Millisecond), path, required)
}

// badTime reports an unusable time: it rejects the event when the time is
// required, and is a warning (lenient) or a rejection (strict) otherwise.
func (r *reader) badTime(e *Error, required bool) {
	if required {
		r.reject(e)
	}
	r.fail(e)
}
