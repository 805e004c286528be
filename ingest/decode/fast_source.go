package decode

import (
	"math"
	"net/netip"

	"github.com/credwatch/credwatch/event"
)

// source reads where the event came from; geo needs both coordinates.
func (s *fastScan) source(l *Limits) (src event.Source) {
	seen := s.members(func(k []byte) uint32 {
		switch string(k) {
		case "ip":
			src.IP = s.ip()
			return 1
		case "asn":
			src.ASN = s.asn()
			return 2
		case "as_org":
			src.ASOrg = s.text(l.MaxString)
			return 4
		case "country":
			src.Country = s.country()
			return 8
		case "user_agent":
			src.UserAgent = s.text(l.MaxText)
			return 16
		case "internal":
			src.Internal = s.boolean()
			return 32
		case "lat":
			src.Lat = s.within(-90, 90)
			return 64
		case "lon":
			src.Lon = s.within(-180, 180)
			return 128
		}
		return 0
	})
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
