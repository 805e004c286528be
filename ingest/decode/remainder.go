package decode

import (
	"cmp"
	"slices"
	"unsafe"

	"github.com/valyala/fastjson"
)

// carried notes that the mapping took c into the event: the remainder
// leaves it out.
func (r *reader) carried(c *fastjson.Value) { r.used = append(r.used, c) }

// uncarryLast takes back the last carried value: it was read, then refused.
func (r *reader) uncarryLast() { r.used = r.used[:len(r.used)-1] }

// remainder is object v less every value the mapping carried into the event
// (used), as JSON: what a stored event keeps of its message besides its
// columns. A member is left out when it was carried, or when it is an
// object or array whose members all were; an array that was carried in
// part is kept whole. Nil when nothing is left. used is sorted in place.
func remainder(v *fastjson.Value, used []*fastjson.Value) []byte {
	slices.SortFunc(used, comparePointers)
	b, ok := appendRest(nil, v, used)
	if !ok {
		return nil
	}
	return b
}

func comparePointers(a, b *fastjson.Value) int {
	return cmp.Compare(uintptr(unsafe.Pointer(a)), uintptr(unsafe.Pointer(b)))
}

// appendRest appends object v's members that were not carried; ok is false
// (and b unchanged) when there are none.
func appendRest(b []byte, v *fastjson.Value, used []*fastjson.Value) ([]byte, bool) {
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
			b = c.MarshalTo(b)
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
func wasCarried(c *fastjson.Value, used []*fastjson.Value) bool {
	if _, found := slices.BinarySearchFunc(used, c, comparePointers); found {
		return true
	}
	items, err := c.Array()
	if err != nil || len(items) == 0 {
		return false
	}
	for _, it := range items {
		if !wasCarried(it, used) && !(it.Type() == fastjson.TypeObject && objectCarried(it, used)) {
			return false
		}
	}
	return true
}

// objectCarried reports whether every member of object o was carried.
func objectCarried(o *fastjson.Value, used []*fastjson.Value) bool {
	_, ok := appendRest(nil, o, used)
	return !ok && o.GetObject().Len() > 0
}

// appendJSONString appends s as a JSON string.
func appendJSONString(b, s []byte) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	for _, c := range s {
		switch {
		case c == '"' || c == '\\':
			b = append(b, '\\', c)
		case c < 0x20:
			b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xf])
		default:
			b = append(b, c)
		}
	}
	return append(b, '"')
}
