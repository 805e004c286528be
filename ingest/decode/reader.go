package decode

import (
	"net/netip"
	"time"
	"unicode/utf8"

	"github.com/valyala/fastjson"

	"github.com/credwatch/credwatch/event"
)

// reader extracts typed fields from a parsed object, remembering the first
// error so mapping code reads as a flat list of fields. A lenient reader
// (vendor formats) blanks a bad optional field and records a warning; a
// strict one (credwatch's own contract) rejects the event.
type reader struct {
	limits   *Limits
	err      *Error
	lenient  bool
	warnings []warning
	skipped  bool         // the message is not an event to keep (see skip)
	strings  *stringArena // nil: each string is its own allocation
	used     carriedSet   // values carried into the event (see remainder)
	num      *[]byte      // the Decoder's buffer for a number's literal
}

// obj returns the object at key (nil when absent); any other type is an error.
func (r *reader) obj(v *fastjson.Value, key, path string) *fastjson.Value {
	c := v.Get(key)
	if c == nil || c.Type() == fastjson.TypeNull {
		return nil
	}
	if c.Type() != fastjson.TypeObject {
		r.fail(fieldErr(path, ReasonType, "must be an object, got %s", c.Type()))
		return nil
	}
	return c
}

// requiredObj returns the object at key, which must be there: absent, null
// or of another type rejects the event even when lenient. what names it.
func (r *reader) requiredObj(v *fastjson.Value, key, path, what string) *fastjson.Value {
	c := v.Get(key)
	switch {
	case c == nil || c.Type() == fastjson.TypeNull:
		r.reject(fieldErr(path, ReasonMissing, "is required: %s", what))
	case c.Type() != fastjson.TypeObject:
		r.reject(fieldErr(path, ReasonType, "must be %s, got %s", what, c.Type()))
	default:
		return c
	}
	return nil
}

// str reads an optional string of at most max characters.
func (r *reader) str(v *fastjson.Value, key, path string, max int) string {
	if v == nil {
		return ""
	}
	c := v.Get(key)
	if c == nil || c.Type() == fastjson.TypeNull {
		return ""
	}
	s := r.strValue(c, path, max)
	if r.lenient && isPlaceholder(s) {
		r.warn(path, ReasonPlaceholder)
		return ""
	}
	return s
}

func (r *reader) strValue(c *fastjson.Value, path string, max int) string {
	if c.Type() != fastjson.TypeString {
		r.fail(fieldErr(path, ReasonType, "must be a string, got %s", c.Type()))
		return ""
	}
	b := c.GetStringBytes()
	if !utf8.Valid(b) {
		r.fail(fieldErr(path, ReasonInvalid, "is not valid UTF-8"))
		return ""
	}
	if len(b) > max { // more bytes than the limit: count the characters
		if n := utf8.RuneCount(b); n > max {
			r.fail(fieldErr(path, ReasonTooLong, "is %d characters, limit %d", n, max))
			return ""
		}
	}
	r.carried(c)
	return r.strings.text(b)
}

// required reads a string that must be present and non-empty: a bad value
// rejects the event even when lenient.
func (r *reader) required(v *fastjson.Value, key, path string, max int) string {
	n := len(r.warnings)
	s := r.str(v, key, path, max)
	switch {
	case s != "" || r.err != nil:
	case len(r.warnings) > n:
		w := r.warnings[len(r.warnings)-1]
		r.warnings = r.warnings[:n]
		r.reject(fieldErr(path, w.reason, "is required and its value is unusable"))
	default:
		r.reject(fieldErr(path, ReasonMissing, "is required"))
	}
	return s
}

// enum reads an optional string that must be one of set.
func (r *reader) enum(v *fastjson.Value, key, path string, set []string) string {
	s := r.str(v, key, path, r.limits.MaxString)
	if s != "" && !event.OneOf(s, set) {
		r.fail(fieldErr(path, ReasonInvalid, "%q is not one of %v", s, set))
	}
	return s
}

// strList reads an optional array of strings.
func (r *reader) strList(v *fastjson.Value, key, path string) []string {
	if v == nil {
		return nil
	}
	c := v.Get(key)
	if c == nil || c.Type() == fastjson.TypeNull {
		return nil
	}
	items, err := c.Array()
	if err != nil {
		r.fail(fieldErr(path, ReasonType, "must be an array of strings, got %s", c.Type()))
		return nil
	}
	if len(items) > r.limits.MaxList {
		r.fail(fieldErr(path, ReasonTooLong, "has %d items, limit %d", len(items), r.limits.MaxList))
		return nil
	}
	out := make([]string, 0, len(items))
	for _, it := range items {
		out = append(out, r.strValue(it, path+"[]", r.limits.MaxString))
	}
	return out
}

// timestamp parses an RFC 3339 time, kept to the millisecond, in UTC.
func (r *reader) timestamp(v *fastjson.Value, key, path string, required bool) time.Time {
	s := r.str(v, key, path, 64)
	if s == "" {
		if required {
			r.reject(fieldErr(path, ReasonMissing, "is required"))
		}
		return time.Time{}
	}
	t, err := parseRFC3339(s)
	if err != nil && r.lenient {
		t, err = parseLenientTime(s)
	}
	if err != nil {
		r.badTime(fieldErr(path, ReasonBadTime, "%q is not an RFC 3339 time", s), required)
		return time.Time{}
	}
	return r.inRangeTime(t.UTC().Truncate(time.Millisecond), path, required)
}

// ip parses an optional IP address into its canonical text form; a lenient
// reader also takes placeholders, ports and leading zeros (see lenientIP).
func (r *reader) ip(v *fastjson.Value, key, path string) string {
	s := r.str(v, key, path, 64)
	if s == "" {
		return ""
	}
	if a, err := netip.ParseAddr(s); err == nil {
		if a.Is4() { // dotted quads parse only in their canonical form
			return s
		}
		return a.Unmap().String()
	}
	if r.lenient {
		return r.lenientIP(s, path)
	}
	r.fail(fieldErr(path, ReasonInvalid, "%q is not an IP address", s))
	return ""
}
