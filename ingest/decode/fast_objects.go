package decode

import "github.com/credwatch/credwatch/event"

// The contract's objects, for the fast path: each member once, no other.

// members reads a non-empty object, handing each key to member, which reads
// the value and returns the member's bit (0: not a member, refused); it
// returns the members seen.
func (s *fastScan) members(member func(k []byte) uint32) (seen uint32) {
	s.open()
	for k, first := s.key(true), false; k != nil; k = s.key(first) {
		bit := member(k)
		if bit == 0 {
			s.fail()
		}
		s.once(&seen, bit)
	}
	return seen
}

func (s *fastScan) actor(l *Limits) (a event.Actor) {
	seen := s.members(func(k []byte) uint32 {
		switch string(k) {
		case "id":
			a.ID = s.required(l.MaxString)
			return 1
		case "type":
			a.Type = s.enum(event.ActorTypes, l.MaxString)
			return 2
		case "tenants":
			a.Tenants = s.list(l.MaxList, l.MaxString)
			return 4
		}
		return 0
	})
	if seen&1 == 0 {
		s.fail()
	}
	return a
}

func (s *fastScan) token(l *Limits) (t event.Token) {
	n := l.MaxString
	s.members(func(k []byte) uint32 {
		switch string(k) {
		case "id":
			t.ID = s.text(n)
			return 1
		case "kind":
			t.Kind = s.enum(event.TokenKinds, n)
			return 2
		case "scopes":
			t.Scopes = s.list(l.MaxList, n)
			return 4
		case "owner":
			t.Owner = s.text(n)
			return 8
		case "tenant":
			t.Tenant = s.text(n)
			return 16
		case "workload":
			t.Workload = s.text(n)
			return 32
		case "created_at":
			t.CreatedAt = s.time(false)
			return 64
		}
		return 0
	})
	return t
}

func (s *fastScan) secret(l *Limits) (x event.Secret) {
	s.members(func(k []byte) uint32 {
		switch string(k) {
		case "id":
			x.ID = s.text(l.MaxString)
			return 1
		case "name":
			x.Name = s.text(l.MaxString)
			return 2
		case "tenant":
			x.Tenant = s.text(l.MaxString)
			return 4
		case "workload":
			x.Workload = s.text(l.MaxString)
			return 8
		}
		return 0
	})
	return x
}

func (s *fastScan) resource(l *Limits) (r event.Resource) {
	s.members(func(k []byte) uint32 {
		switch string(k) {
		case "type":
			r.Type = s.enum(event.ResourceType, l.MaxString)
			return 1
		case "id":
			r.ID = s.text(l.MaxString)
			return 2
		case "visibility":
			r.Visibility = s.enum(event.Visibilities, l.MaxString)
			return 4
		}
		return 0
	})
	return r
}

func (s *fastScan) workload(l *Limits) (w event.Workload) {
	s.members(func(k []byte) uint32 {
		switch string(k) {
		case "id":
			w.ID = s.text(l.MaxString)
			return 1
		case "build_id":
			w.BuildID = s.text(l.MaxString)
			return 2
		case "phase":
			w.Phase = s.enum(event.Phases, l.MaxString)
			return 4
		}
		return 0
	})
	return w
}
