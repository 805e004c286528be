package decode

import (
	"math"
	"strconv"

	"github.com/valyala/fastjson"
)

// idNumber is a numeric id as vendors print their integers ("51111"): digits
// as written are kept exactly (at any size), and a whole number written
// otherwise (51111.0, 5.1111e4) is its integer. A fraction, a negative
// number, one past 2^53 (where floats skip integers) or a literal longer
// than a string may be is blanked with a warning: it names no id.
func (r *reader) idNumber(x *fastjson.Value, path string) string {
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

// scalarText reads an id or count a vendor writes as a number or a string
// (GitHub's "51111" either way, Workspace's profileId and intValue); 0, "0"
// and null are none.
func (r *reader) scalarText(v *fastjson.Value, key, path string) string {
	x := v.Get(key)
	if x == nil {
		return ""
	}
	var s string
	switch x.Type() {
	case fastjson.TypeNumber:
		s = r.idNumber(x, path)
	case fastjson.TypeString:
		s = r.str(v, key, path, r.limits.MaxString)
	case fastjson.TypeNull:
	default:
		r.fail(fieldErr(path, ReasonType, "must be a string or a number, got %s", x.Type()))
	}
	if s == "0" {
		return ""
	}
	return s
}
