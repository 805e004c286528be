package decode

import (
	"math"
	"net/netip"

	"github.com/credwatch/credwatch/event"
)

// source reads where the event came from; geo needs both coordinates.
func (s *fastScan) source(l *Limits) (src event.Source) {
	var seen uint32
	s.open()
	for k, first := s.key(true), false; k != nil; k = s.key(first) {
		switch string(k) {
		case "ip":
			s.once(&seen, 1)
			src.IP = s.ip()
		case "asn":
			s.once(&seen, 2)
			src.ASN = s.asn()
		case "as_org":
			s.once(&seen, 4)
			src.ASOrg = s.text(l.MaxString)
		case "country":
			s.once(&seen, 8)
			src.Country = s.country()
		case "user_agent":
			s.once(&seen, 16)
			src.UserAgent = s.text(l.MaxText)
		case "internal":
			s.once(&seen, 32)
			src.Internal = s.boolean()
		case "lat":
			s.once(&seen, 64)
			src.Lat = s.within(-90, 90)
		case "lon":
			s.once(&seen, 128)
			src.Lon = s.within(-180, 180)
		default:
			s.fail()
		}
	}
	src.HasGeo = seen&(64|128) == 64|128
	return src
}

// ip reads an address in its canonical form (a dotted quad as written).
func (s *fastScan) ip() string {
	t := s.text(64)
	if t == "" {
		return ""
	}
	a, err := netip.ParseAddr(t)
	switch {
	case err != nil:
		s.fail()
		return ""
	case a.Is4():
		return t
	}
	return a.Unmap().String()
}

// asn reads a whole number that fits in uint32.
func (s *fastScan) asn() uint32 {
	f := s.within(0, math.MaxUint32)
	if f != math.Trunc(f) {
		s.fail()
	}
	return uint32(f)
}

// within reads a number in [lo, hi].
func (s *fastScan) within(lo, hi float64) float64 {
	f := s.number()
	if f < lo || f > hi {
		s.fail()
	}
	return f
}

// country reads an ISO 3166-1 alpha-2 code, upper-cased.
func (s *fastScan) country() string {
	t := s.text(8)
	switch {
	case t == "":
		return ""
	case len(t) != 2 || !isAlpha(t[0]) || !isAlpha(t[1]):
		s.fail()
		return ""
	case t[0] == upper(t[0]) && t[1] == upper(t[1]):
		return t
	}
	return string([]byte{upper(t[0]), upper(t[1])})
}
