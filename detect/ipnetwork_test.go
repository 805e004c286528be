package detect

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/event"
)

// TestKeyNetwork: an event without an ASN is keyed by its public IP's /16
// (IPv4, also IPv4-mapped) or /32 (IPv6) as a private-use ASN; one with an
// ASN, a private or otherwise non-global address, or no IP stays as it is.
func TestKeyNetwork(t *testing.T) {
	key := func(ip string, asn uint32) event.Source {
		ev := event.Event{Source: event.Source{IP: ip, ASN: asn}}
		keyNetwork(&ev)
		keyNetwork(&ev) // idempotent
		return ev.Source
	}
	tor := key("185.220.101.47", 0)
	require.GreaterOrEqual(t, tor.ASN, uint32(prefixASNBase))
	require.Equal(t, "IP network 185.220.0.0/16", tor.ASOrg)
	require.Equal(t, tor.ASN, key("185.220.7.1", 0).ASN)
	require.Equal(t, tor.ASN, key("::ffff:185.220.101.47", 0).ASN)
	require.NotEqual(t, tor.ASN, key("185.221.101.47", 0).ASN)
	v6 := key("2a01:4f8:c010:1234::1", 0)
	require.Equal(t, "IP network 2a01:4f8::/32", v6.ASOrg)
	require.Equal(t, v6.ASN, key("2a01:4f8:ffff::2", 0).ASN)
	for _, ip := range []string{"10.1.2.3", "192.168.1.9", "172.20.0.1", "127.0.0.1", "169.254.169.254", "fd00::1", "::1",
		"fe80::1", "0.0.0.0", "ec2.amazonaws.com", "AWS Internal", ""} {
		require.Zero(t, key(ip, 0).ASN, ip)
	}
	require.Equal(t, uint32(16509), key("52.95.1.1", 16509).ASN)
	ev := event.Event{Source: event.Source{IP: "45.155.205.233", ASOrg: "Vendor's name"}}
	keyNetwork(&ev)
	require.Equal(t, "Vendor's name", ev.Source.ASOrg)
}

// TestKeyNetworkByCountry: an event with neither ASN nor IP is keyed by its
// country, one network per country; an internal one, or one whose country
// is not a two-letter code, stays as it is.
func TestKeyNetworkByCountry(t *testing.T) {
	key := func(src event.Source) event.Source {
		ev := event.Event{Source: src}
		keyNetwork(&ev)
		keyNetwork(&ev)
		return ev.Source
	}
	us := key(event.Source{Country: "US"})
	require.GreaterOrEqual(t, us.ASN, uint32(prefixASNBase))
	require.Equal(t, "country US", us.ASOrg)
	require.Equal(t, us.ASN, key(event.Source{Country: "US", UserAgent: "git/2.40"}).ASN)
	require.NotEqual(t, us.ASN, key(event.Source{Country: "RU"}).ASN)
	require.NotEqual(t, us.ASN, key(event.Source{IP: "8.8.8.8", Country: "US"}).ASN, "an IP wins over the country")
	for _, src := range []event.Source{{Country: "US", Internal: true}, {Country: "USA"}, {Country: ""}, {ASN: 7018, Country: "US"}} {
		require.Equal(t, src.ASN, key(src).ASN, src)
	}
}

// TestSameOperator: one ASN, or two of one cloud operator's, are one
// network; different operators, unknown ASNs and none are not.
func TestSameOperator(t *testing.T) {
	for _, c := range []struct {
		a, b uint32
		same bool
	}{
		{16509, 16509, true}, {16509, 14618, true}, {8075, 8068, true}, {15169, 396982, true}, {3320, 3320, true},
		{16509, 8075, false}, {3320, 3209, false}, {16509, 3320, false}, {0, 0, false}, {0, 16509, false},
	} {
		require.Equal(t, c.same, sameOperator(c.a, c.b), "%d %d", c.a, c.b)
		require.Equal(t, c.same, sameOperator(c.b, c.a), "%d %d", c.b, c.a)
	}
}
