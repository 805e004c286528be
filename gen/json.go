package gen

import "github.com/credwatch/credwatch/event"

// AppendJSON appends ev as one contract v1 JSON object (no newline): fields
// in the struct's order, empty optional fields left out, times in UTC to the
// millisecond, every string validly escaped (invalid UTF-8 becomes U+FFFD).
// It does not allocate unless ev has attrs.
func AppendJSON(dst []byte, ev *event.Event) []byte {
	dst = append(dst, `{"id":`...)
	dst = appendString(dst, ev.ID)
	dst = append(dst, `,"time":`...)
	dst = appendTime(dst, ev.Time)
	dst = append(dst, `,"action":`...)
	dst = appendString(dst, ev.Action)
	dst = field(dst, `,"outcome":`, ev.Outcome)
	dst = append(dst, `,"tenant":`...)
	dst = appendString(dst, ev.Tenant)
	dst = appendActor(dst, &ev.Actor)
	dst = appendToken(dst, &ev.Token)
	dst = appendSecret(dst, &ev.Secret)
	dst = appendResource(dst, &ev.Resource)
	dst = appendSource(dst, &ev.Source)
	dst = appendWorkload(dst, &ev.Workload)
	dst = field(dst, `,"session_id":`, ev.SessionID)
	dst = field(dst, `,"request_id":`, ev.RequestID)
	dst = appendAttrs(dst, ev.Attrs)
	dst = field(dst, `,"format":`, ev.Format)
	dst = list(dst, `,"redactions":`, ev.Redactions)
	return append(dst, '}')
}

// appendActor appends the actor, which is required.
func appendActor(dst []byte, a *event.Actor) []byte {
	dst = append(dst, `,"actor":{"id":`...)
	dst = appendString(dst, a.ID)
	dst = field(dst, `,"type":`, a.Type)
	dst = list(dst, `,"tenants":`, a.Tenants)
	return append(dst, '}')
}

// appendToken appends the token unless it is empty.
func appendToken(dst []byte, t *event.Token) []byte {
	dst, start, body := openObj(dst, `,"token":{`)
	dst = field(dst, `,"id":`, t.ID)
	dst = field(dst, `,"kind":`, t.Kind)
	dst = list(dst, `,"scopes":`, t.Scopes)
	dst = field(dst, `,"owner":`, t.Owner)
	dst = field(dst, `,"tenant":`, t.Tenant)
	dst = field(dst, `,"workload":`, t.Workload)
	if !t.CreatedAt.IsZero() {
		dst = append(dst, `,"created_at":`...)
		dst = appendTime(dst, t.CreatedAt)
	}
	return closeObj(dst, start, body)
}

// appendSecret appends the secret unless it is empty.
func appendSecret(dst []byte, s *event.Secret) []byte {
	dst, start, body := openObj(dst, `,"secret":{`)
	dst = field(dst, `,"id":`, s.ID)
	dst = field(dst, `,"name":`, s.Name)
	dst = field(dst, `,"tenant":`, s.Tenant)
	dst = field(dst, `,"workload":`, s.Workload)
	return closeObj(dst, start, body)
}

// appendResource appends the resource unless it is empty.
func appendResource(dst []byte, r *event.Resource) []byte {
	dst, start, body := openObj(dst, `,"resource":{`)
	dst = field(dst, `,"type":`, r.Type)
	dst = field(dst, `,"id":`, r.ID)
	dst = field(dst, `,"visibility":`, r.Visibility)
	return closeObj(dst, start, body)
}

// appendSource appends the source unless it is empty; lat/lon go out when
// given (HasGeo) or non-zero.
func appendSource(dst []byte, s *event.Source) []byte {
	dst, start, body := openObj(dst, `,"source":{`)
	dst = field(dst, `,"ip":`, s.IP)
	if s.ASN != 0 {
		dst = append(dst, `,"asn":`...)
		dst = appendUint(dst, uint64(s.ASN))
	}
	dst = field(dst, `,"as_org":`, s.ASOrg)
	dst = field(dst, `,"country":`, s.Country)
	dst = number(dst, `,"lat":`, s.Lat, s.HasGeo)
	dst = number(dst, `,"lon":`, s.Lon, s.HasGeo)
	dst = field(dst, `,"user_agent":`, s.UserAgent)
	if s.Internal {
		dst = append(dst, `,"internal":true`...)
	}
	return closeObj(dst, start, body)
}

// appendWorkload appends the workload unless it is empty.
func appendWorkload(dst []byte, w *event.Workload) []byte {
	dst, start, body := openObj(dst, `,"workload":{`)
	dst = field(dst, `,"id":`, w.ID)
	dst = field(dst, `,"build_id":`, w.BuildID)
	dst = field(dst, `,"phase":`, w.Phase)
	return closeObj(dst, start, body)
}
