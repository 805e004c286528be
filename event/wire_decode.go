package event

import (
	"errors"
	"fmt"
	"math"
)

// ErrWire is returned for bytes that are not an event's wire form.
var ErrWire = errors.New("not a credwatch wire event")

// DecodeWire reads the wire form (see AppendWire) into ev, which it resets.
// Strings are copied out of b. Errors wrap ErrWire and name the field.
func DecodeWire(b []byte, ev *Event) error {
	*ev = Event{}
	if len(b) == 0 || b[0] != wireVersion {
		return fmt.Errorf("%w: version byte %v", ErrWire, b[:min(1, len(b))])
	}
	r := wireReader{b: b[1:]}
	r.str("id", &ev.ID)
	ev.Time = wireTime(r.varint("time"))
	r.str("action", &ev.Action)
	r.str("outcome", &ev.Outcome)
	r.str("tenant", &ev.Tenant)
	r.str("actor.id", &ev.Actor.ID)
	r.str("actor.type", &ev.Actor.Type)
	ev.Actor.Tenants = r.list("actor.tenants")
	t := &ev.Token
	r.str("token.id", &t.ID)
	r.str("token.kind", &t.Kind)
	t.Scopes = r.list("token.scopes")
	r.str("token.owner", &t.Owner)
	r.str("token.tenant", &t.Tenant)
	r.str("token.workload", &t.Workload)
	r.str("secret.id", &ev.Secret.ID)
	r.str("secret.name", &ev.Secret.Name)
	r.str("secret.tenant", &ev.Secret.Tenant)
	r.str("secret.workload", &ev.Secret.Workload)
	r.str("resource.type", &ev.Resource.Type)
	r.str("resource.id", &ev.Resource.ID)
	r.str("resource.visibility", &ev.Resource.Visibility)
	s := &ev.Source
	r.str("source.ip", &s.IP)
	if asn := r.uvarint("source.asn"); asn <= math.MaxUint32 {
		s.ASN = uint32(asn)
	} else {
		r.fail("source.asn", "above 2^32")
	}
	r.str("source.as_org", &s.ASOrg)
	r.str("source.country", &s.Country)
	s.Lat, s.Lon = r.float("source.lat"), r.float("source.lon")
	for _, f := range []struct {
		name string
		dst  *string
	}{{"source.user_agent", &s.UserAgent}, {"workload.id", &ev.Workload.ID}, {"workload.build_id", &ev.Workload.BuildID},
		{"workload.phase", &ev.Workload.Phase}, {"session_id", &ev.SessionID}, {"request_id", &ev.RequestID}} {
		r.str(f.name, f.dst)
	}
	ev.Attrs = r.attrs("attrs")
	r.str("format", &ev.Format)
	ev.Redactions = r.list("redactions")
	ev.Warnings = r.list("warnings")
	flags := r.byte("flags")
	s.HasGeo, s.Internal = flags&wireHasGeo != 0, flags&wireInternal != 0
	if flags&wireCreated != 0 {
		t.CreatedAt = wireTime(r.varint("token.created_at"))
	}
	if r.err == nil && len(r.b) > 0 {
		r.fail("end", fmt.Sprintf("%d bytes past the event", len(r.b)))
	}
	return r.err
}
