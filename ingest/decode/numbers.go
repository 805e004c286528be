package decode

import (
	"bytes"
	"math"
	"strconv"
	"unsafe"

	"github.com/valyala/fastjson"
	"github.com/valyala/fastjson/fastfloat"
)

// jsonFloat is the float64 nearest a valid JSON number literal (±Inf past
// its range). fastfloat is exact for integers but not for fractions and
// exponents (5.1111e4 gives 51111.00000000001): those go to strconv.
func jsonFloat(lit []byte) float64 {
	s := unsafe.String(unsafe.SliceData(lit), len(lit)) // not kept
	if bytes.ContainsAny(lit, ".eE") {
		f, _ := strconv.ParseFloat(s, 64)
		return f
	}
	return fastfloat.ParseBestEffort(s)
}

// number reads an optional JSON number; ok is false when absent or invalid.
func (r *reader) number(v *fastjson.Value, key, path string) (f float64, ok bool) {
	if v == nil {
		return 0, false
	}
	c := v.Get(key)
	if c == nil || c.Type() == fastjson.TypeNull {
		return 0, false
	}
	if c.Type() != fastjson.TypeNumber {
		r.fail(fieldErr(path, ReasonType, "must be a number, got %s", c.Type()))
		return 0, false
	}
	*r.num = c.MarshalTo((*r.num)[:0]) // the literal, in a buffer reused across messages
	f = jsonFloat(*r.num)
	if math.IsNaN(f) || math.IsInf(f, 0) {
		r.fail(fieldErr(path, ReasonInvalid, "must be finite"))
		return 0, false
	}
	r.carried(c)
	return f, true
}

// inRange reads an optional number that must lie within [lo, hi].
func (r *reader) inRange(v *fastjson.Value, key, path string, lo, hi float64) (float64, bool) {
	f, ok := r.number(v, key, path)
	if ok && (f < lo || f > hi) {
		r.uncarryLast()
		r.fail(fieldErr(path, ReasonInvalid, "%v is outside [%v, %v]", f, lo, hi))
		return 0, false
	}
	return f, ok
}

// uint32Field reads an optional whole number that fits in uint32.
func (r *reader) uint32Field(v *fastjson.Value, key, path string) uint32 {
	f, ok := r.inRange(v, key, path, 0, math.MaxUint32)
	if ok && f != math.Trunc(f) {
		r.uncarryLast()
		r.fail(fieldErr(path, ReasonInvalid, "%v is not a whole number", f))
		return 0
	}
	return uint32(f)
}

// boolean reads an optional JSON boolean.
func (r *reader) boolean(v *fastjson.Value, key, path string) bool {
	if v == nil {
		return false
	}
	c := v.Get(key)
	if c == nil || c.Type() == fastjson.TypeNull {
		return false
	}
	switch c.Type() {
	case fastjson.TypeTrue:
		r.carried(c)
		return true
	case fastjson.TypeFalse:
		r.carried(c)
		return false
	}
	r.fail(fieldErr(path, ReasonType, "must be a boolean, got %s", c.Type()))
	return false
}

// wholeOrText reads an optional whole number that fits in uint32, as a
// number or as its decimal text (vendors write an AS number either way).
func (r *reader) wholeOrText(o *fastjson.Value, key, path string) uint32 {
	c := o.Get(key)
	if c == nil || c.Type() != fastjson.TypeString {
		return r.uint32Field(o, key, path)
	}
	s := string(c.GetStringBytes())
	n, err := strconv.ParseUint(s, 10, 32)
	if s != "" && err != nil {
		r.fail(fieldErr(path, ReasonInvalid, "%q is not a whole number under 2^32", s))
		return 0
	}
	r.carried(c)
	return uint32(n)
}

// coordinates reads a place's latitude and longitude at latKey and lonKey
// of o (path names o); ok when both are there. A vendor's place needs both,
// and its 0, 0 ("Null Island") is its placeholder for no place, blanked
// with a warning: taken as a place it would make every sign-in beside it
// impossible travel. The contract keeps what it was given, as its fast
// path does.
func (r *reader) coordinates(o *fastjson.Value, latKey, lonKey, path string) (lat, lon float64, ok bool) {
	lat, okLat := r.inRange(o, latKey, path+"."+latKey, -90, 90)
	lon, okLon := r.inRange(o, lonKey, path+"."+lonKey, -180, 180)
	switch {
	case !r.lenient:
	case !okLat || !okLon:
		return 0, 0, false
	case lat == 0 && lon == 0:
		r.warn(path, ReasonPlaceholder)
		return 0, 0, false
	}
	return lat, lon, okLat && okLon
}
