package decode

import (
	"bytes"
	"encoding/json"

	"github.com/credwatch/credwatch/redact"
)

// scrubUnescaped decodes msg generically, scrubs every key and string value
// and re-encodes it. ok is false when msg is not JSON.
func scrubUnescaped(r *redact.Redactor, msg []byte) (out []byte, kinds []string, ok bool) {
	dec := json.NewDecoder(bytes.NewReader(msg))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil || dec.More() {
		return nil, nil, false
	}
	v = scrubValue(r, v, &kinds)
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, nil, false
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), kinds, true
}

func scrubValue(r *redact.Redactor, v any, kinds *[]string) any {
	switch t := v.(type) {
	case string:
		s, k := r.String(t)
		*kinds = append(*kinds, k...)
		return s
	case []any:
		for i := range t {
			t[i] = scrubValue(r, t[i], kinds)
		}
		return t
	case map[string]any:
		out := make(map[string]any, len(t))
		for key, val := range t {
			k2, k := r.String(key)
			*kinds = append(*kinds, k...)
			out[k2] = scrubValue(r, val, kinds)
		}
		return out
	}
	return v
}
