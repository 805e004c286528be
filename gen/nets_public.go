package gen

import (
	"math/rand/v2"
	"slices"
)

// CountryCodes are the countries users live in.
func CountryCodes() []string {
	codes := make([]string, len(countries))
	for i := range countries {
		codes[i] = countries[i].code
	}
	return codes
}

// LocalNet is a residential or mobile connection in a city of country code
// (a random country when code is unknown or ""), as a traveller would use.
func LocalNet(code string, rng *rand.Rand) Net {
	c := countryOf(code, rng)
	site := c.cities[rng.IntN(len(c.cities))]
	return ispNet(pickISP(c, false, rng), site, rng)
}

// VPNNet is an exit of a commercial VPN or hosting provider. Its TZ is 0:
// callers set the user's own zone, as the user has not moved.
func VPNNet(rng *rand.Rand) Net {
	h := &vpns[rng.IntN(len(vpns))]
	n := located(h.asn, h.org, h.sites[rng.IntN(len(h.sites))], h.prefixes, rng)
	n.TZ = 0
	return n
}

// CloudNet is a host in a public cloud region, where CI runs.
func CloudNet(rng *rand.Rand) Net {
	h := &clouds[rng.IntN(len(clouds))]
	return located(h.asn, h.org, h.sites[rng.IntN(len(h.sites))], h.prefixes, rng)
}

// PlatformNet is a host of the platform's own infrastructure (internal).
func PlatformNet(rng *rand.Rand) Net {
	n := located(platform.asn, platform.org, platform.sites[0], platform.prefixes, rng)
	n.Internal = true
	return n
}

// IsVPN reports whether asn is one of the VPN and hosting providers VPNNet uses.
func IsVPN(asn uint32) bool {
	return slices.ContainsFunc(vpns, func(h hosted) bool { return h.asn == asn })
}
