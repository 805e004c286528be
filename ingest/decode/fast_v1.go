package decode

import (
	"bytes"

	"github.com/credwatch/credwatch/event"
)

// fast is the fast path's event of a message of topic, when it takes it:
// one of the contract (or of a topic left to detection), within the
// future window.
func (d *Decoder) fast(clean []byte, topic string) (event.Event, bool) {
	if f := d.sources.formatFor(topic); d.general || f != FormatAuto && f != FormatCredwatch {
		return event.Event{}, false
	}
	ev, ok := d.fastV1(clean)
	return ev, ok && d.checkTime(ev.Time) == nil
}

// fastV1 decodes a contract v1 message in one pass over its bytes, without
// building a tree: most of the stream is well-formed v1 events, and the
// general path (parse, map, remainder) cost two thirds of decoding. It
// takes only what needs no judgement: a plain message of known members,
// each present once, every value valid, nothing null or empty that the
// remainder would keep, no Kubernetes Secret to scrub. Anything else (ok
// false) goes to the general path, which names the field and the reason.
// For what it takes, the event is the one the general path makes (a fuzz
// test holds the two to that).
func (d *Decoder) fastV1(clean []byte) (ev event.Event, ok bool) {
	body := bytes.Trim(clean, " \t\r\n") // a JSON line's newline, say
	if !plain(body) || bytes.Contains(body, []byte(`"Secret`)) {
		return ev, false
	}
	s := fastScan{b: body, alias: d.share}
	if d.packed && !d.share {
		d.arena.reset(len(body))
		s.arena = &d.arena
	}
	ev.Format = event.FormatV1
	var seen uint32
	s.open()
	for k, first := s.key(true), false; k != nil; k = s.key(first) {
		d.fastMember(&s, &ev, k, &seen)
	}
	s.end()
	const required = 1<<0 | 1<<1 | 1<<2 | 1<<4 | 1<<7 // id, time, action, tenant, actor
	if s.bad || seen&required != required {
		return event.Event{}, false
	}
	if ev.Outcome == "" {
		ev.Outcome = "success"
	}
	return ev, true
}

// fastMember reads the value of top-level member k.
func (d *Decoder) fastMember(s *fastScan, ev *event.Event, k []byte, seen *uint32) {
	l := &d.limits
	bit := uint32(1)
	switch string(k) {
	case "id":
		ev.ID = s.required(l.MaxID)
	case "time":
		bit, ev.Time = 1<<1, s.time(true)
	case "action":
		bit, ev.Action = 1<<2, s.required(l.MaxString)
	case "outcome":
		bit, ev.Outcome = 1<<3, s.enum(event.Outcomes, l.MaxString)
	case "tenant":
		bit, ev.Tenant = 1<<4, s.required(l.MaxString)
	case "session_id":
		bit, ev.SessionID = 1<<5, s.text(l.MaxString)
	case "request_id":
		bit, ev.RequestID = 1<<6, s.text(l.MaxString)
	case "actor":
		bit, ev.Actor = 1<<7, s.actor(l)
	case "token":
		bit, ev.Token = 1<<8, s.token(l)
	case "secret":
		bit, ev.Secret = 1<<9, s.secret(l)
	case "resource":
		bit, ev.Resource = 1<<10, s.resource(l)
	case "source":
		bit, ev.Source = 1<<11, s.source(l)
	case "workload":
		bit, ev.Workload = 1<<12, s.workload(l)
	case "attrs":
		bit, ev.Attrs = 1<<13, s.attrs(l)
	default:
		s.fail()
	}
	s.once(seen, bit)
}

// attrs reads the attributes object: string values only, each key once.
func (s *fastScan) attrs(l *Limits) map[string]string {
	out := map[string]string{}
	s.open()
	for k, first := s.key(true), false; k != nil; k = s.key(first) {
		if len(k) > l.MaxString || len(out) == l.MaxAttrs {
			s.fail()
		}
		key := s.str(k)
		if _, dup := out[key]; dup {
			s.fail()
		}
		out[key] = s.text(l.MaxText)
	}
	return out
}
