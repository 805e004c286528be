package decode

import (
	"slices"
	"unsafe"

	"github.com/valyala/fastjson"
)

// carried notes that the mapping took c into the event: the remainder
// leaves it out.
func (r *reader) carried(c *fastjson.Value) { r.used = append(r.used, addressOf(c)) }

// uncarryLast takes back the last carried value: it was read, then refused.
func (r *reader) uncarryLast() { r.used = r.used[:len(r.used)-1] }

// remainder is object v less every value the mapping carried into the event
// (used), as JSON: what a stored event keeps of its message besides its
// columns. A member is left out when it was carried, or when it is an
// object or array whose members all were; an array that was carried in
// part is kept whole. Nil when nothing is left.
func remainder(v *fastjson.Value, used carriedSet) []byte {
	slices.Sort(used)
	if !anyRest(v, used) { // the common case, without building anything
		return nil
	}
	b, _ := appendRest(make([]byte, 0, 256), v, used)
	return b
}

// anyRest reports whether object v has a member that was not carried.
func anyRest(v *fastjson.Value, used carriedSet) bool {
	obj, _ := v.Object()
	rest := false
	obj.Visit(func(_ []byte, c *fastjson.Value) {
		if rest || wasCarried(c, used) {
			return
		}
		rest = c.Type() != fastjson.TypeObject || c.GetObject().Len() == 0 || anyRest(c, used)
	})
	return rest
}

// carriedSet holds the addresses of the values carried (sorted before
// use). An address is only compared, never turned back into a pointer: the
// parser that holds the values outlives the set.
type carriedSet []uintptr

func addressOf(c *fastjson.Value) uintptr { return uintptr(unsafe.Pointer(c)) }

// has reports whether sorted s holds c.
func (s carriedSet) has(c *fastjson.Value) bool {
	a := addressOf(c)
	lo, hi := 0, len(s)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if s[m] < a {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo < len(s) && s[lo] == a
}

// appendRest appends object v's members that were not carried; ok is false
// (and b unchanged) when there are none.
func appendRest(b []byte, v *fastjson.Value, used carriedSet) ([]byte, bool) {
	obj, _ := v.Object()
	start, n := len(b), 0
	b = append(b, '{')
	obj.Visit(func(k []byte, c *fastjson.Value) {
		if wasCarried(c, used) {
			return
		}
		mark := len(b)
		if n > 0 {
			b = append(b, ',')
		}
		b = append(appendJSONString(b, k), ':')
		if c.Type() == fastjson.TypeObject && c.GetObject().Len() > 0 {
			var ok bool
			if b, ok = appendRest(b, c, used); !ok {
				b = b[:mark]
				return
			}
		} else {
			b = appendJSON(b, c)
		}
		n++
	})
	if n == 0 {
		return b[:start], false
	}
	return append(b, '}'), true
}

// wasCarried reports whether c, or every member of a non-empty array c,
// was carried.
func wasCarried(c *fastjson.Value, used carriedSet) bool {
	if used.has(c) {
		return true
	}
	if c.Type() != fastjson.TypeArray { // (Array would build an error)
		return false
	}
	items, _ := c.Array()
	if len(items) == 0 {
		return false
	}
	for _, it := range items {
		if !wasCarried(it, used) && !(it.Type() == fastjson.TypeObject && objectCarried(it, used)) {
			return false
		}
	}
	return true
}

// objectCarried reports whether every member of non-empty object o was
// carried.
func objectCarried(o *fastjson.Value, used carriedSet) bool {
	return o.GetObject().Len() > 0 && !anyRest(o, used)
}

// appendJSONString appends s as a JSON string.
func appendJSONString(b, s []byte) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	for _, c := range s {
		switch {
		case c == '"' || c == '\\':
			b = append(b, '\\', c)
		case c == '\n':
			b = append(b, '\\', 'n')
		case c == '\r':
			b = append(b, '\\', 'r')
		case c == '\t':
			b = append(b, '\\', 't')
		case c < 0x20:
			b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xf])
		default:
			b = append(b, c)
		}
	}
	return append(b, '"')
}
