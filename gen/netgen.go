package gen

import (
	"math"
	"math/rand/v2"
	"net/netip"
	"slices"
)

// randomAddr is a random host address in prefix p (never .0 or .255 in IPv4).
func randomAddr(p netip.Prefix, rng *rand.Rand) netip.Addr {
	b := p.Addr().AsSlice()
	for i := p.Bits(); i < len(b)*8; i++ {
		bit := byte(0x80 >> (i % 8))
		b[i/8] &^= bit
		if rng.IntN(2) == 1 {
			b[i/8] |= bit
		}
	}
	if len(b) == 4 && p.Bits() <= 24 {
		b[3] = byte(1 + rng.IntN(254))
	}
	a, _ := netip.AddrFromSlice(b)
	return a
}

// located is a Net at site with an address from one of prefixes; the lat/lon
// are jittered around the city and rounded as GeoIP databases do.
func located(asn uint32, org string, site place, prefixes []string, rng *rand.Rand) Net {
	p := netip.MustParsePrefix(prefixes[rng.IntN(len(prefixes))])
	return Net{
		IP: randomAddr(p, rng).String(), ASN: asn, ASOrg: org, Country: site.country,
		Lat: jitter(site.lat, rng), Lon: jitter(site.lon, rng), TZ: site.tz,
	}
}

// jitter moves a coordinate by up to ±0.15° and rounds it to 2 decimals.
func jitter(v float64, rng *rand.Rand) float64 {
	return math.Round((v+(rng.Float64()-0.5)*0.3)*100) / 100
}

// ispNet is a subscriber of ISP i in city site; a quarter of the subscribers
// of an ISP with IPv6 get an IPv6 address.
func ispNet(i *isp, site place, rng *rand.Rand) Net {
	if i.v6 != "" && rng.Float64() < 0.25 {
		return located(i.asn, i.org, site, []string{i.v6}, rng)
	}
	return located(i.asn, i.org, site, i.prefixes, rng)
}

// pickISP picks one of c's ISPs by weight; mobile restricts it to mobile
// ones (nil when c has none).
func pickISP(c *country, mobile bool, rng *rand.Rand) *isp {
	var total float64
	for i := range c.isps {
		if !mobile || c.isps[i].mobile {
			total += c.isps[i].weight
		}
	}
	if total == 0 {
		return nil
	}
	x := rng.Float64() * total
	for i := range c.isps {
		if mobile && !c.isps[i].mobile {
			continue
		}
		if x -= c.isps[i].weight; x < 0 {
			return &c.isps[i]
		}
	}
	return nil
}

// countryOf is the table entry for code, or a random weighted country when
// code is not one of them.
func countryOf(code string, rng *rand.Rand) *country {
	if i := slices.IndexFunc(countries, func(c country) bool { return c.code == code }); i >= 0 {
		return &countries[i]
	}
	var total float64
	for i := range countries {
		total += countries[i].weight
	}
	x := rng.Float64() * total
	for i := range countries {
		if x -= countries[i].weight; x < 0 {
			return &countries[i]
		}
	}
	return &countries[0]
}
