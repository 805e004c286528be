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
	seen := s.members(func(k []byte) uint32 { return d.fastMember(&s, &ev, k) })
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

// fastMember reads the value of top-level member k and returns its bit
// (0: not a member).
func (d *Decoder) fastMember(s *fastScan, ev *event.Event, k []byte) uint32 {
	l := &d.limits
	switch string(k) {
	case "id":
		ev.ID = s.required(l.MaxID)
		return 1 << 0
	case "time":
		ev.Time = s.time(true)
		return 1 << 1
	case "action":
		ev.Action = s.required(l.MaxString)
		return 1 << 2
	case "outcome":
		ev.Outcome = s.enum(event.Outcomes, l.MaxString)
		return 1 << 3
	case "tenant":
		ev.Tenant = s.required(l.MaxString)
		return 1 << 4
	case "session_id":
		ev.SessionID = s.text(l.MaxString)
		return 1 << 5
	case "request_id":
		ev.RequestID = s.text(l.MaxString)
		return 1 << 6
	case "actor":
		ev.Actor = s.actor(l)
		return 1 << 7
	case "token":
		ev.Token = s.token(l)
		return 1 << 8
	case "secret":
		ev.Secret = s.secret(l)
		return 1 << 9
	case "resource":
		ev.Resource = s.resource(l)
		return 1 << 10
	case "source":
		ev.Source = s.source(l)
		return 1 << 11
	case "workload":
		ev.Workload = s.workload(l)
		return 1 << 12
	case "attrs":
		ev.Attrs = s.attrs(l)
		return 1 << 13
	}
	return 0
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
