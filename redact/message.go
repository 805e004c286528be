package redact

import (
	"bytes"
	"encoding/json"
	"slices"
	"strings"
)

// Message scrubs a whole message, as ingest stores it or sends it to the
// dead-letter topic, whether or not it parses. Beyond Bytes, it looks through
// escapes: when the message with its JSON escapes decoded (\u0068f_… is
// hf_…) holds credential material, a valid JSON message is decoded, scrubbed
// string by string (keys too) and re-encoded, and any other message is
// returned decoded and scrubbed. A clean message comes back as msg itself,
// without allocating. Escapes inside decoded strings (JSON in a JSON
// string) are looked through too, a few levels deep.
func (r *Redactor) Message(msg []byte) ([]byte, []string) {
	return r.message(msg, maxDepth)
}

// maxDepth bounds how many levels of escaping Message looks through.
const maxDepth = 4

func (r *Redactor) message(msg []byte, depth int) ([]byte, []string) {
	out, kinds := r.Bytes(msg)
	if hexed, more := r.auditHex(out); len(more) > 0 {
		out, kinds = hexed, append(kinds, more...)
	}
	if depth == 0 || bytes.IndexByte(out, '\\') < 0 || !r.hides(out, depth) {
		return out, kinds
	}
	if json.Valid(out) {
		if s, more, ok := r.scrubJSON(out, depth); ok && len(more) > 0 {
			return s, append(kinds, more...)
		}
		return out, kinds
	}
	s, more := r.message(unescape(nil, out), depth-1)
	return s, append(kinds, more...)
}

// hides reports whether b, with its escapes decoded once, twice … up to
// depth times, holds credential material. Its views live in pooled buffers.
func (r *Redactor) hides(b []byte, depth int) bool {
	view, spare := r.bufs.Get().(*[]byte), r.bufs.Get().(*[]byte)
	defer func() { r.bufs.Put(view); r.bufs.Put(spare) }()
	for range depth {
		*view = unescape((*view)[:0], b)
		if r.cat.find(*view) != nil {
			return true
		}
		if len(*view) == len(b) || bytes.IndexByte(*view, '\\') < 0 {
			return false // nothing more to decode
		}
		b, view, spare = *view, spare, view
	}
	return false
}

// scrubJSON decodes msg generically, scrubs every key and string value and
// re-encodes it. ok is false when msg is not one JSON value.
func (r *Redactor) scrubJSON(msg []byte, depth int) (out []byte, kinds []string, ok bool) {
	dec := json.NewDecoder(bytes.NewReader(msg))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil || dec.More() {
		return nil, nil, false
	}
	v = r.scrubValue("", v, depth, &kinds)
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, nil, false
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), kinds, true
}

// scrubValue scrubs v, the value of a field called key ("" in an array
// that is not a field's value).
func (r *Redactor) scrubValue(key string, v any, depth int, kinds *[]string) any {
	switch t := v.(type) {
	case string:
		s, k := r.Field(key, t)
		*kinds = append(*kinds, k...)
		if strings.IndexByte(s, '\\') >= 0 {
			b, k := r.message([]byte(s), depth-1)
			s, *kinds = string(b), append(*kinds, k...)
		}
		return s
	case []any:
		for i := range t {
			t[i] = r.scrubValue(key, t[i], depth, kinds)
		}
		return t
	case map[string]any:
		out := make(map[string]any, len(t))
		secret := pairValueKeys(t)
		for name, val := range t {
			k2, k := r.String(name)
			*kinds = append(*kinds, k...)
			if s, ok := val.(string); ok && s != "" && slices.ContainsFunc(secret, func(k string) bool { return strings.EqualFold(k, name) }) &&
				!isReference([]byte(s), 0, len(s)) {
				out[k2], *kinds = r.Reference([]byte(s)), append(*kinds, KindField)
				continue
			}
			out[k2] = r.scrubValue(name, val, depth, kinds)
		}
		return out
	}
	return v
}
