package decode

import (
	"math"
	"strconv"

	"github.com/valyala/fastjson"
)

// ghNumber is a numeric id as GitHub prints its integers ("51111"): digits
// as written are kept exactly (at any size), and a whole number written
// otherwise (51111.0, 5.1111e4) is its integer. A fraction, a negative
// number, one past 2^53 (where floats skip integers) or a literal longer
// than a string may be is blanked with a warning: it names no id.
func (r *reader) ghNumber(x *fastjson.Value, path string) string {
	lit := x.String()
	if len(lit) > r.limits.MaxString {
		r.fail(fieldErr(path, ReasonTooLong, "is %d characters, limit %d", len(lit), r.limits.MaxString))
		return ""
	}
	if isDigits(lit) {
		return lit
	}
	f := jsonFloat([]byte(lit))
	if !(f >= 0 && f <= 1<<53 && f == math.Trunc(f)) { // NaN fails too
		r.fail(fieldErr(path, ReasonInvalid, "%s is not a whole number of at most 2^53", lit))
		return ""
	}
	return strconv.FormatUint(uint64(f), 10)
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return s != ""
}
