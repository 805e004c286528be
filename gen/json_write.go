package gen

import (
	"math"
	"slices"
	"strconv"
)

// openObj starts an optional object: key is `,"name":{`. Its fields are
// appended with a leading comma; closeObj removes the first one, or the
// whole object when no field was appended.
func openObj(dst []byte, key string) (out []byte, start, body int) {
	start = len(dst)
	dst = append(dst, key...)
	return dst, start, len(dst)
}

// closeObj ends the object openObj started.
func closeObj(dst []byte, start, body int) []byte {
	if len(dst) == body {
		return dst[:start]
	}
	dst = append(dst[:body], dst[body+1:]...)
	return append(dst, '}')
}

// field appends key (`,"name":`) and s unless s is empty.
func field(dst []byte, key, s string) []byte {
	if s == "" {
		return dst
	}
	return appendString(append(dst, key...), s)
}

// list appends key and the strings of l unless l is empty.
func list(dst []byte, key string, l []string) []byte {
	if len(l) == 0 {
		return dst
	}
	dst = append(dst, key...)
	for i, s := range l {
		if i > 0 {
			dst = append(dst, ',')
		} else {
			dst = append(dst, '[')
		}
		dst = appendString(dst, s)
	}
	return append(dst, ']')
}

// number appends key and v when v is non-zero or given; never NaN or ±Inf,
// which JSON cannot hold.
func number(dst []byte, key string, v float64, given bool) []byte {
	if (v == 0 && !given) || math.IsNaN(v) || math.IsInf(v, 0) {
		return dst
	}
	return appendFloat(append(dst, key...), v)
}

// appendFloat appends v in its shortest form. Coordinates with at most two
// decimals, the common case, take a fast path that gives the same digits.
func appendFloat(dst []byte, v float64) []byte {
	c := math.Round(v * 100)
	if math.Abs(c) >= 1e9 || c/100 != v {
		return strconv.AppendFloat(dst, v, 'f', -1, 64)
	}
	n := int64(c)
	if math.Signbit(v) {
		dst, n = append(dst, '-'), -n
	}
	dst = strconv.AppendInt(dst, n/100, 10)
	switch frac := n % 100; {
	case frac == 0:
		return dst
	case frac%10 == 0:
		return append(dst, '.', byte('0'+frac/10))
	default:
		return append(dst, '.', byte('0'+frac/10), byte('0'+frac%10))
	}
}

// appendUint appends v in decimal.
func appendUint(dst []byte, v uint64) []byte { return strconv.AppendUint(dst, v, 10) }

// appendAttrs appends the attrs, keys sorted, unless there are none.
func appendAttrs(dst []byte, attrs map[string]string) []byte {
	if len(attrs) == 0 {
		return dst
	}
	keys := make([]string, 0, len(attrs))
	for k := range attrs {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	dst = append(dst, `,"attrs":{`...)
	for i, k := range keys {
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = append(appendString(dst, k), ':')
		dst = appendString(dst, attrs[k])
	}
	return append(dst, '}')
}
