package decode

import (
	"bytes"
	"time"

	"github.com/valyala/fastjson"

	"github.com/credwatch/credwatch/event"
	"github.com/credwatch/credwatch/redact"
)

// Decoder decodes messages. It is not safe for concurrent use: give each
// goroutine its own (they are cheap) sharing one Redactor.
type Decoder struct {
	redactor *redact.Redactor
	now      func() time.Time
	limits   Limits
	parser   fastjson.Parser
}

// New returns a Decoder that scrubs with r and judges "future" against now.
func New(r *redact.Redactor, now func() time.Time, limits Limits) *Decoder {
	return &Decoder{redactor: r, now: now, limits: limits}
}

// Scrub returns msg with credential material replaced, for storing a rejected
// message (dead letter) or logging it.
func (d *Decoder) Scrub(msg []byte) []byte {
	out, _ := d.scrub(msg)
	return out
}

// Decode validates msg and returns the scrubbed event, or an *Error.
func (d *Decoder) Decode(msg []byte) (event.Event, error) {
	var ev event.Event
	if err := d.DecodeInto(msg, &ev); err != nil {
		return event.Event{}, err
	}
	return ev, nil
}

// DecodeInto is Decode writing into ev (left partly filled on error), which
// spares copying the event when the caller owns its slot in a batch.
func (d *Decoder) DecodeInto(msg []byte, ev *event.Event) error {
	if len(msg) > d.limits.MaxMessage {
		return fieldErr("", ReasonTooLarge, "message is %d bytes, limit %d", len(msg), d.limits.MaxMessage)
	}
	clean, kinds := d.scrub(msg)
	v, err := d.parser.ParseBytes(clean)
	if err != nil {
		return fieldErr("", ReasonNotJSON, "%v", err)
	}
	if err := fastjson.ValidateBytes(clean); err != nil { // Parse tolerates control characters
		return fieldErr("", ReasonNotJSON, "%v", err)
	}
	if v.Type() != fastjson.TypeObject {
		return fieldErr("", ReasonType, "message must be a JSON object, got %s", v.Type())
	}
	r := reader{limits: &d.limits}
	if v.Exists("class_uid") {
		*ev = r.ocsf(v)
	} else {
		*ev = r.v1(v)
	}
	if r.err != nil {
		return r.err
	}
	if err := d.checkTime(ev.Time); err != nil {
		return err
	}
	ev.Redactions = kinds
	ev.Raw = bytes.Clone(clean)
	return nil
}

func (d *Decoder) checkTime(t time.Time) error {
	if limit := d.now().Add(d.limits.FutureWindow); t.After(limit) {
		return fieldErr("time", ReasonFuture, "%s is more than %s ahead of now", t.Format(time.RFC3339), d.limits.FutureWindow)
	}
	return nil
}

// scrub redacts msg. JSON \u escapes can spell a credential that no pattern
// sees in the raw bytes, so such messages are unescaped, scrubbed and
// re-encoded first.
func (d *Decoder) scrub(msg []byte) ([]byte, []string) {
	if bytes.Contains(msg, []byte(`\u`)) {
		if out, kinds, ok := scrubUnescaped(d.redactor, msg); ok {
			return out, kinds
		}
	}
	out, kinds := d.redactor.Bytes(msg)
	if len(kinds) == 0 {
		return msg, nil
	}
	return out, kinds
}
