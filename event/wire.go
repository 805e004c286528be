package event

import (
	"encoding/binary"
	"math"
	"slices"
	"time"
)

// The wire form is how a decoded event travels between credwatch's own
// stages (ingest to detection, the re-key stage to detection's engines): the
// event as decoded, validated and scrubbed, so a reader need not decode,
// validate and scan the original again. Raw and Unmapped stay behind.
//
// Layout: the version byte, then each field in declaration order: strings
// and lists with a uvarint length (a list's count is 1 + its length, 0 for
// nil), times as zig-zag varint Unix nanoseconds (the zero time as its own
// flag), the ASN as a uvarint, latitude and longitude as float64 bits, and
// one byte of flags.
const wireVersion = 1

// WireHeader and WireContentType are the Kafka header that marks a message
// whose value is an event's wire form, and its value.
const (
	WireHeader      = "content-type"
	WireContentType = "application/vnd.credwatch.event+wire;v=1"
)

// Wire flags.
const (
	wireHasGeo = 1 << iota
	wireInternal
	wireCreated // Token.CreatedAt is set
)

// AppendWire appends ev's wire form to b.
func AppendWire(b []byte, ev *Event) []byte {
	w := wireWriter{b: append(b, wireVersion)}
	w.strs(ev.ID)
	w.b = binary.AppendVarint(w.b, wireNanos(ev.Time))
	w.strs(ev.Action, ev.Outcome, ev.Tenant, ev.Actor.ID, ev.Actor.Type)
	w.list(ev.Actor.Tenants)
	t := &ev.Token
	w.strs(t.ID, t.Kind)
	w.list(t.Scopes)
	w.strs(t.Owner, t.Tenant, t.Workload)
	w.strs(ev.Secret.ID, ev.Secret.Name, ev.Secret.Tenant, ev.Secret.Workload)
	w.strs(ev.Resource.Type, ev.Resource.ID, ev.Resource.Visibility)
	s := &ev.Source
	w.strs(s.IP)
	w.b = binary.AppendUvarint(w.b, uint64(s.ASN))
	w.strs(s.ASOrg, s.Country)
	w.b = binary.LittleEndian.AppendUint64(w.b, math.Float64bits(s.Lat))
	w.b = binary.LittleEndian.AppendUint64(w.b, math.Float64bits(s.Lon))
	w.strs(s.UserAgent, ev.Workload.ID, ev.Workload.BuildID, ev.Workload.Phase, ev.SessionID, ev.RequestID)
	w.attrs(ev.Attrs)
	w.strs(ev.Format)
	w.list(ev.Redactions)
	w.list(ev.Warnings)
	var flags byte
	if s.HasGeo {
		flags |= wireHasGeo
	}
	if s.Internal {
		flags |= wireInternal
	}
	if !t.CreatedAt.IsZero() {
		flags |= wireCreated
	}
	w.b = append(w.b, flags)
	if !t.CreatedAt.IsZero() {
		w.b = binary.AppendVarint(w.b, wireNanos(t.CreatedAt))
	}
	return w.b
}

type wireWriter struct{ b []byte }

func (w *wireWriter) strs(ss ...string) {
	for _, s := range ss {
		w.b = binary.AppendUvarint(w.b, uint64(len(s)))
		w.b = append(w.b, s...)
	}
}

func (w *wireWriter) list(l []string) {
	if l == nil {
		w.b = append(w.b, 0)
		return
	}
	w.b = binary.AppendUvarint(w.b, uint64(len(l))+1)
	w.strs(l...)
}

// attrs writes the map's pairs in key order (the same event, the same bytes).
func (w *wireWriter) attrs(m map[string]string) {
	w.b = binary.AppendUvarint(w.b, uint64(len(m)))
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		w.strs(k, m[k])
	}
}

// wireNanos is t in Unix nanoseconds; the zero time is math.MinInt64.
func wireNanos(t time.Time) int64 {
	if t.IsZero() {
		return math.MinInt64
	}
	return t.UnixNano()
}

// wireTime is wireNanos undone, in UTC as the decoder keeps times.
func wireTime(ns int64) time.Time {
	if ns == math.MinInt64 {
		return time.Time{}
	}
	return time.Unix(0, ns).UTC()
}
