package decode

import "github.com/valyala/fastjson"

// appendJSON appends v as JSON. fastjson's MarshalTo writes a string it has
// unescaped (any string whose Type was asked) with strconv.Quote when it
// holds a control character, and strconv's \x7f, \a or \x00 are no JSON:
// strings are escaped here instead, and a value's other types as fastjson
// writes them.
func appendJSON(b []byte, v *fastjson.Value) []byte {
	switch v.Type() {
	case fastjson.TypeString:
		return appendJSONString(b, v.GetStringBytes())
	case fastjson.TypeArray:
		b = append(b, '[')
		for i, item := range v.GetArray() {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendJSON(b, item)
		}
		return append(b, ']')
	case fastjson.TypeObject:
		b = append(b, '{')
		first := true
		v.GetObject().Visit(func(k []byte, c *fastjson.Value) {
			if !first {
				b = append(b, ',')
			}
			first = false
			b = appendJSON(append(appendJSONString(b, k), ':'), c)
		})
		return append(b, '}')
	}
	return v.MarshalTo(b)
}
