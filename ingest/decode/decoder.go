package decode

import (
	"compress/gzip"
	"strings"
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
	present  time.Time // a bound below which no time is in the future (see checkTime)
	limits   Limits
	sources  Sources
	parser   fastjson.Parser
	inner    fastjson.Parser // a log event's message (see logEvents)
	zr       *gzip.Reader    // reused by gunzip
	out      []event.Event
	packed   bool // see PackStrings
	share    bool // see ShareInput
	rest     bool // see CarryRemainder
	drop     bool // see DropOriginal
	used     carriedSet
	num      []byte      // a number's literal, being read (see reader.number)
	arena    stringArena // this message's strings, when packed
	general  bool        // the general path only (tests compare the two)
	envelope string      // the tenant the message's envelope names (see envelopes, unwrap)
}

// New returns a Decoder that scrubs with r and judges "future" against now.
// Every message's format is detected and its tenant must be in the message
// until WithSources says otherwise.
func New(r *redact.Redactor, now func() time.Time, limits Limits) *Decoder {
	return &Decoder{redactor: r, now: now, limits: limits}
}

// WithSources sets the per-topic formats and default tenants.
func (d *Decoder) WithSources(s Sources) *Decoder {
	d.sources = s
	return d
}

// PackStrings makes the strings of each message's events share one
// allocation, which saves a tenth of decoding's CPU. Any string kept from an
// event keeps the whole message's strings in memory, so only a caller that
// drops events soon (ingest, after the insert) should ask for it; one that
// keeps names in long-lived state (detection's baselines) should not.
func (d *Decoder) PackStrings() *Decoder {
	d.packed = true
	return d
}

// ShareInput lets an event's Raw share the bytes of the message it was
// decoded from instead of copying them (the copy was a twelfth of ingest's
// CPU). Only a caller that never writes to a message after decoding it may
// ask for it: ingest, whose Kafka reader allocates each message's value.
func (d *Decoder) ShareInput() *Decoder {
	d.share = true
	return d
}

// CarryRemainder makes each event carry what its mapping did not take from
// the message (Event.Unmapped): the vendor's fields that have no column.
func (d *Decoder) CarryRemainder() *Decoder {
	d.rest = true
	return d
}

// DropOriginal leaves Event.Raw empty: a store that keeps the remainder
// need not keep a second copy of what the columns hold.
func (d *Decoder) DropOriginal() *Decoder {
	d.drop = true
	return d
}

// MaxMessage is the largest message the decoder takes, in bytes.
func (d *Decoder) MaxMessage() int { return d.limits.MaxMessage }

// Decode decodes a message that holds one event (as every format but a
// CloudTrail Records file does) and returns it, or an *Error.
func (d *Decoder) Decode(msg []byte) (event.Event, error) {
	evs, err := d.DecodeMessage(msg, "")
	if err != nil {
		return event.Event{}, err
	}
	if len(evs) == 0 {
		return event.Event{}, fieldErr("Records", ReasonMissing, "the message holds no event")
	}
	return evs[0], nil
}

// DecodeMessage validates msg, read from topic, and returns its scrubbed
// events: one, one per record of a CloudTrail Records file, of an Azure
// Monitor export (records) or of a
// CloudWatch Logs subscription message (gzipped or not), or none for an
// entry that only repeats another (see reader.skip). The slice is
// reused by the next call. A non-nil *Error rejects the message; with
// several records it names the first bad record and the other records are
// still returned.
func (d *Decoder) DecodeMessage(msg []byte, topic string) ([]event.Event, error) {
	evs, err := d.decodeMessage(msg, topic)
	if d.sources.Networks != nil {
		for i := range evs {
			addNetwork(d.sources.Networks, &evs[i].Source)
		}
	}
	return evs, err
}

func (d *Decoder) decodeMessage(msg []byte, topic string) ([]event.Event, error) {
	d.out = d.out[:0]
	if len(msg) > d.limits.MaxMessage {
		return nil, fieldErr("", ReasonTooLarge, "message is %d bytes, limit %d", len(msg), d.limits.MaxMessage)
	}
	msg, gerr := d.gunzip(msg)
	if gerr != nil {
		return nil, gerr
	}
	clean, kinds := d.scrub(msg)
	if ev, ok := d.fast(clean, topic); ok {
		ev.Redactions, ev.Raw = kinds, d.keep(clean)
		d.out = append(d.out, ev)
		return d.out, nil
	}
	v, err := parseMessage(&d.parser, clean)
	if err != nil {
		return nil, err
	}
	format := d.sources.formatFor(topic)
	if more := d.scrubMessage(v, clean, format); len(more) > 0 {
		clean, kinds = appendJSON(nil, v), append(kinds, more...)
	}
	if d.packed {
		d.arena.reset(len(clean))
	}
	if evs, ok, err := d.envelopes(v, kinds, format, topic); ok {
		return evs, err
	}
	inner, format, within := d.unwrap(v, format)
	ev, derr := d.oneIn(v, inner, format, topic)
	d.envelope = ""
	if derr != nil {
		derr.Field = within + derr.Field
		return nil, derr
	}
	if ev.Format == "" { // skipped
		return d.out, nil
	}
	ev.Redactions = kinds
	ev.Raw = d.keep(clean)
	d.out = append(d.out, ev)
	return d.out, nil
}

// parseObject checks msg is one JSON object and parses it with p.
func parseObject(p *fastjson.Parser, clean []byte) (*fastjson.Value, *Error) {
	v, err := parseMessage(p, clean)
	if err == nil && v.Type() != fastjson.TypeObject {
		return nil, fieldErr("", ReasonType, "message must be a JSON object, got %s", v.Type())
	}
	return v, err
}

// parseMessage checks msg is one JSON object, or an array of objects (a
// page of a vendor's API: Okta's System Log, GitHub's audit log), and
// parses it with p.
func parseMessage(p *fastjson.Parser, clean []byte) (*fastjson.Value, *Error) {
	v, err := p.ParseBytes(clean)
	if err != nil {
		return nil, notJSON(err)
	}
	if err := checkJSON(clean); err != nil {
		return nil, notJSON(err)
	}
	if t := v.Type(); t != fastjson.TypeObject && t != fastjson.TypeArray {
		return nil, fieldErr("", ReasonType, "message must be a JSON object, got %s", t)
	}
	return v, nil
}

// one maps a single event object in the given format (or the one detected).
func (d *Decoder) one(v *fastjson.Value, format, topic string) (event.Event, *Error) {
	return d.oneIn(v, v, format, topic)
}

// oneIn is one for an event v that an envelope, whole, carries: what the
// mapping did not carry is whole's.
func (d *Decoder) oneIn(whole, v *fastjson.Value, format, topic string) (event.Event, *Error) {
	if format == FormatAuto {
		format = sniff(v)
	}
	r := reader{limits: &d.limits, lenient: format != FormatCredwatch, used: d.used[:0], num: &d.num}
	if d.packed {
		r.strings = &d.arena
	}
	ev := r.mapEvent(format, v)
	if r.lenient && strings.IndexByte(ev.Action, ':') >= 0 {
		// A service and a vendor's name joined ("secretsmanager:" + an
		// eventName) can read as an assignment neither name was alone.
		ev.Action, _ = d.redactor.String(ev.Action)
	}
	if d.used = r.used[:0]; d.rest && r.err == nil {
		ev.Unmapped = remainder(whole, r.used)
	}
	if r.skipped && r.err == nil {
		return event.Event{}, nil
	}
	if r.err == nil && ev.ID == "" && r.lenient {
		ev.ID = derivedID(v)
		r.warn("id", ReasonDerived)
	}
	if r.err == nil && ev.Tenant == "" {
		if ev.Tenant = firstNonEmpty(d.envelope, d.sources.tenantFor(topic)); ev.Tenant == "" {
			r.reject(missingTenant(format))
		}
	}
	if r.err == nil {
		r.reject(d.checkTime(ev.Time))
	}
	if r.err != nil {
		return event.Event{}, r.err
	}
	if r.lenient {
		asTokenUse(&ev)
	}
	ev.Warnings = r.warningList()
	return ev, nil
}
