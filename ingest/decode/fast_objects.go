package decode

import "github.com/credwatch/credwatch/event"

// The contract's objects, for the fast path: each member once, no other.

func (s *fastScan) actor(l *Limits) (a event.Actor) {
	var seen uint32
	s.open()
	for k, first := s.key(true), false; k != nil; k = s.key(first) {
		switch string(k) {
		case "id":
			s.once(&seen, 1)
			a.ID = s.required(l.MaxString)
		case "type":
			s.once(&seen, 2)
			a.Type = s.enum(event.ActorTypes, l.MaxString)
		case "tenants":
			s.once(&seen, 4)
			a.Tenants = s.list(l.MaxList, l.MaxString)
		default:
			s.fail()
		}
	}
	if seen&1 == 0 {
		s.fail()
	}
	return a
}

func (s *fastScan) token(l *Limits) (t event.Token) {
	var seen uint32
	s.open()
	for k, first := s.key(true), false; k != nil; k = s.key(first) {
		n := l.MaxString
		switch string(k) {
		case "id":
			s.once(&seen, 1)
			t.ID = s.text(n)
		case "kind":
			s.once(&seen, 2)
			t.Kind = s.enum(event.TokenKinds, n)
		case "scopes":
			s.once(&seen, 4)
			t.Scopes = s.list(l.MaxList, n)
		case "owner":
			s.once(&seen, 8)
			t.Owner = s.text(n)
		case "tenant":
			s.once(&seen, 16)
			t.Tenant = s.text(n)
		case "workload":
			s.once(&seen, 32)
			t.Workload = s.text(n)
		case "created_at":
			s.once(&seen, 64)
			t.CreatedAt = s.time(false)
		default:
			s.fail()
		}
	}
	return t
}

func (s *fastScan) secret(l *Limits) (x event.Secret) {
	var seen uint32
	s.open()
	for k, first := s.key(true), false; k != nil; k = s.key(first) {
		switch string(k) {
		case "id":
			s.once(&seen, 1)
			x.ID = s.text(l.MaxString)
		case "name":
			s.once(&seen, 2)
			x.Name = s.text(l.MaxString)
		case "tenant":
			s.once(&seen, 4)
			x.Tenant = s.text(l.MaxString)
		case "workload":
			s.once(&seen, 8)
			x.Workload = s.text(l.MaxString)
		default:
			s.fail()
		}
	}
	return x
}

func (s *fastScan) resource(l *Limits) (r event.Resource) {
	var seen uint32
	s.open()
	for k, first := s.key(true), false; k != nil; k = s.key(first) {
		switch string(k) {
		case "type":
			s.once(&seen, 1)
			r.Type = s.enum(event.ResourceType, l.MaxString)
		case "id":
			s.once(&seen, 2)
			r.ID = s.text(l.MaxString)
		case "visibility":
			s.once(&seen, 4)
			r.Visibility = s.enum(event.Visibilities, l.MaxString)
		default:
			s.fail()
		}
	}
	return r
}

func (s *fastScan) workload(l *Limits) (w event.Workload) {
	var seen uint32
	s.open()
	for k, first := s.key(true), false; k != nil; k = s.key(first) {
		switch string(k) {
		case "id":
			s.once(&seen, 1)
			w.ID = s.text(l.MaxString)
		case "build_id":
			s.once(&seen, 2)
			w.BuildID = s.text(l.MaxString)
		case "phase":
			s.once(&seen, 4)
			w.Phase = s.enum(event.Phases, l.MaxString)
		default:
			s.fail()
		}
	}
	return w
}
