package decode_test

import (
	"net/netip"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/ingest/decode"
)

// fakeNetworks maps prefixes to an AS number and organisation.
type fakeNetworks map[string]struct {
	asn uint32
	org string
}

func (f fakeNetworks) Lookup(a netip.Addr) (uint32, string, bool) {
	for p, as := range f {
		if netip.MustParsePrefix(p).Contains(a) {
			return as.asn, as.org, true
		}
	}
	return 0, "", false
}

var testNetworks = fakeNetworks{"185.220.100.0/22": {205100, "F3 Netze e.V."}, "20.32.0.0/11": {8075, "MICROSOFT"},
	"2a01:111::/32": {8075, "MICROSOFT"}}

// TestNetworksNameTheAS: with an AS database, an event whose source has a
// public address and no AS gets the AS of its address, whatever its
// format and whether one record or many; one that names its own AS, a
// private address, an address the database does not know and an event
// without one stay as they are.
func TestNetworksNameTheAS(t *testing.T) {
	ct := func(ip string) string { return ctRecord(`,"sourceIPAddress":"` + ip + `"`) }
	for _, c := range []struct {
		name, msg string
		asn       uint32
		org       string
	}{
		{"CloudTrail from a VPS", ct("185.220.101.4"), 205100, "F3 Netze e.V."},
		{"Key Vault from Azure", kvEntry(), 8075, "MICROSOFT"},
		{"Key Vault over IPv6", kvEntry(set("callerIpAddress", "2a01:111:f400::9")), 8075, "MICROSOFT"},
		{"an Entra sign-in that names its AS", spSignIn(set("properties.ipAddress", "185.220.101.4")), 8075, ""},
		{"a private address", kvEntry(set("callerIpAddress", "10.1.2.3")), 0, ""},
		{"an address not in the database", ct("8.8.8.8"), 0, ""},
		{"no address", ct("secretsmanager.amazonaws.com"), 0, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			d := newDecoder(t).WithSources(decode.Sources{DefaultTenant: "t", Networks: testNetworks})
			evs, err := d.DecodeMessage([]byte(c.msg), "topic")
			require.NoError(t, err)
			require.Len(t, evs, 1)
			require.Equal(t, [2]any{c.asn, c.org}, [2]any{evs[0].Source.ASN, evs[0].Source.ASOrg})
		})
	}
	d := newDecoder(t).WithSources(decode.Sources{Networks: testNetworks})
	evs, err := d.DecodeMessage([]byte(`{"Records":[`+ct("185.220.101.4")+","+ct("20.61.14.201")+`]}`), "topic")
	require.NoError(t, err)
	require.Equal(t, []uint32{205100, 8075}, []uint32{evs[0].Source.ASN, evs[1].Source.ASN})
	evs, err = newDecoder(t).DecodeMessage([]byte(ct("185.220.101.4")), "topic")
	require.NoError(t, err)
	require.Zero(t, evs[0].Source.ASN, "no database, no AS")
}
