package decode

import (
	"math"

	"github.com/valyala/fastjson"

	"github.com/credwatch/credwatch/event"
)

// httpStatus reads the HTTP status at key and returns the outcome it reports
// (see httpOutcome); present is false when there is none. A status must be a
// whole number from 100 to 599: any other value (403.5, 4030, -403, "403")
// is blanked with a warning and its outcome is unknown.
func (r *reader) httpStatus(v *fastjson.Value, key, path string) (outcome string, present bool) {
	if v == nil {
		return "", false
	}
	if c := v.Get(key); c == nil || c.Type() == fastjson.TypeNull {
		return "", false
	}
	code, ok := r.inRange(v, key, path, 100, 599)
	if ok && code != math.Trunc(code) {
		r.uncarryLast()
		r.fail(fieldErr(path, ReasonInvalid, "%v is not a whole number", code))
		ok = false
	}
	if !ok {
		return event.OutcomeUnknown, true
	}
	return httpOutcome(code), true
}
