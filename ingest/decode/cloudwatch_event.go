package decode

import (
	"bytes"
	"slices"

	"github.com/valyala/fastjson"

	"github.com/credwatch/credwatch/event"
	"github.com/credwatch/credwatch/redact"
)

// logEvent decodes the message of one log event (at its path) as a message
// of its own: scrubbed, parsed and mapped, its Raw the record alone.
func (d *Decoder) logEvent(item *fastjson.Value, at string, kinds []string, format, topic string) (event.Event, *Error) {
	if item.Type() != fastjson.TypeObject {
		return event.Event{}, fieldErr(at, ReasonType, "must be an object, got %s", item.Type())
	}
	at += ".message"
	m := item.Get("message")
	if m == nil || m.Type() != fastjson.TypeString {
		if m == nil || m.Type() == fastjson.TypeNull {
			return event.Event{}, fieldErr(at, ReasonMissing, "is required")
		}
		return event.Event{}, fieldErr(at, ReasonType, "must be a string, got %s", m.Type())
	}
	return d.logMessage(m, at, kinds, format, topic)
}

// logMessage decodes m, a string holding one record's JSON (at its path), as
// a message of its own: scrubbed, parsed and mapped, its Raw the record.
func (d *Decoder) logMessage(m *fastjson.Value, at string, kinds []string, format, topic string) (event.Event, *Error) {
	clean, more := d.scrub(append([]byte(nil), m.GetStringBytes()...)) // the envelope's parser owns those bytes
	v, derr := parseObject(&d.inner, clean)
	if derr != nil {
		return event.Event{}, under(at, derr)
	}
	if objs := d.scrubObjects(v, clean, format); len(objs) > 0 {
		clean, more = appendJSON(nil, v), append(more, objs...)
	}
	ev, derr := d.one(v, format, topic)
	if derr != nil || ev.Format == "" {
		return ev, under(at, derr)
	}
	if bytes.Contains(clean, []byte(redact.Prefix)) { // the envelope's scrub may have replaced some
		for _, k := range kinds {
			if !slices.Contains(more, k) {
				more = append(more, k)
			}
		}
	}
	ev.Redactions = more
	if !d.drop {
		ev.Raw = clean[:len(clean):len(clean)]
	}
	return ev, nil
}

// under puts e, an error in a record, at the record's path.
func under(at string, e *Error) *Error {
	if e == nil {
		return nil
	}
	if e.Field == "" {
		e.Field = at
	} else {
		e.Field = bounded(at+"."+e.Field, maxField)
	}
	return e
}
