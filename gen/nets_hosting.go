package gen

import (
	"math/rand/v2"
	"slices"
)

// hostings are hosting providers where anyone rents a server by the hour;
// no benign traffic comes from them.
var hostings = []hosted{
	{24940, "Hetzner Online GmbH", []place{{"DE", 50.48, 12.37, 60}, {"FI", 60.17, 24.94, 120}},
		[]string{"5.9.0.0/16", "88.198.0.0/16", "95.216.0.0/16"}},
	{16276, "OVH SAS", []place{{"FR", 50.69, 3.17, 60}, {"CA", 45.31, -73.87, -300}},
		[]string{"51.38.0.0/16", "54.36.0.0/16", "149.56.0.0/16"}},
	{14061, "DigitalOcean, LLC", []place{{"US", 40.71, -74.01, -300}, {"DE", 50.11, 8.68, 60}, {"SG", 1.35, 103.82, 480}},
		[]string{"159.65.0.0/16", "167.99.0.0/16", "138.68.0.0/16"}},
	{51167, "Contabo GmbH", []place{{"DE", 49.45, 11.08, 60}},
		[]string{"161.97.0.0/16", "173.212.192.0/18"}},
	{20473, "The Constant Company, LLC", []place{{"US", 40.55, -74.46, -300}, {"JP", 35.68, 139.69, 540}},
		[]string{"45.32.0.0/16", "149.28.0.0/16"}},
	{63949, "Akamai Connected Cloud", []place{{"US", 40.74, -74.17, -300}, {"DE", 50.11, 8.68, 60}},
		[]string{"172.104.0.0/15", "139.162.0.0/16"}},
	{12876, "SCALEWAY S.A.S.", []place{{"FR", 48.86, 2.35, 60}, {"NL", 52.37, 4.90, 60}},
		[]string{"51.15.0.0/16", "163.172.0.0/16"}},
	{60781, "LeaseWeb Netherlands B.V.", []place{{"NL", 52.37, 4.90, 60}},
		[]string{"5.79.64.0/18", "37.48.64.0/18"}},
	{47583, "Hostinger International Limited", []place{{"LT", 54.69, 25.28, 120}, {"SG", 1.35, 103.82, 480}},
		[]string{"145.14.144.0/20", "185.224.136.0/22"}},
	{36352, "ColoCrossing", []place{{"US", 42.89, -78.88, -300}},
		[]string{"23.94.0.0/15", "192.3.0.0/16"}},
}

// HostingNet is a rented server at one of ten hosting providers (Hetzner,
// OVH, DigitalOcean, Contabo, Vultr, Linode, …). Its TZ is 0, as VPNNet's.
func HostingNet(rng *rand.Rand) Net {
	h := &hostings[rng.IntN(len(hostings))]
	n := located(h.asn, h.org, h.sites[rng.IntN(len(h.sites))], h.prefixes, rng)
	n.TZ = 0
	return n
}

// IsHosting reports whether asn is one of the hosting providers HostingNet uses.
func IsHosting(asn uint32) bool {
	return slices.ContainsFunc(hostings, func(h hosted) bool { return h.asn == asn })
}

// NetKind is the kind of network a thief strikes from.
type NetKind int

// The kinds of a thief's network.
const (
	NetAny        NetKind = iota // one of the others, drawn per play
	NetVPN                       // a commercial VPN exit (VPNNet) outside the victim's country
	NetHosting                   // a rented server at a hosting provider (HostingNet)
	NetForeignISP                // a residential or mobile ISP in another country than the victim's
)

// String is the kind's name: "any", "vpn", "hosting" or "foreign_isp".
func (k NetKind) String() string {
	switch k {
	case NetVPN:
		return "vpn"
	case NetHosting:
		return "hosting"
	case NetForeignISP:
		return "foreign_isp"
	}
	return "any"
}

// thiefNet is a network of kind k (drawn when NetAny) for a thief whose
// victim lives in country home.
func thiefNet(rng *rand.Rand, k NetKind, home string) Net {
	if k == NetAny {
		k = NetKind(1 + rng.IntN(3))
	}
	switch k {
	case NetHosting:
		return HostingNet(rng)
	case NetForeignISP:
		return LocalNet(otherCountry(home, rng), rng)
	}
	return attackerNet(rng, home)
}

// otherNet is a thief's network of kind k on another AS than every one of
// not: a second machine of the same crew.
func otherNet(rng *rand.Rand, k NetKind, home string, not ...uint32) Net {
	for {
		if n := thiefNet(rng, k, home); !slices.Contains(not, n.ASN) {
			return n
		}
	}
}
