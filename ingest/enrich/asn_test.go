package enrich_test

import (
	"net/netip"
	"os"
	"path/filepath"
	"testing"

	"github.com/maxmind/mmdbwriter/mmdbtype"
	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/ingest/enrich"
	"github.com/credwatch/credwatch/internal/asntest"
)

// TestASNLookups: an address in a network of the database gets its AS,
// over IPv4, IPv6 and IPv4 written as IPv6; one outside gets none.
func TestASNLookups(t *testing.T) {
	path := asntest.WriteDB(t, "GeoLite2-ASN", map[string]mmdbtype.Map{
		"185.220.100.0/22": asntest.AS(205100, "F3 Netze e.V."), "20.32.0.0/11": asntest.AS(8075, "MICROSOFT-CORP-MSN-AS-BLOCK"),
		"2a01:111::/32": asntest.AS(8075, "MICROSOFT-CORP-MSN-AS-BLOCK"), "73.0.0.0/8": asntest.AS(7922, "COMCAST-7922"),
	})
	asns, err := enrich.OpenASNs(path)
	require.NoError(t, err)
	for _, c := range []struct {
		addr string
		asn  uint32
		org  string
	}{
		{"185.220.101.4", 205100, "F3 Netze e.V."}, {"20.61.14.201", 8075, "MICROSOFT-CORP-MSN-AS-BLOCK"},
		{"2a01:111:f400::9", 8075, "MICROSOFT-CORP-MSN-AS-BLOCK"}, {"::ffff:73.12.40.9", 7922, "COMCAST-7922"},
		{"8.8.8.8", 0, ""}, {"2001:db8::1", 0, ""},
	} {
		asn, org, ok := asns.Lookup(netip.MustParseAddr(c.addr))
		require.Equal(t, c.asn != 0, ok, c.addr)
		require.Equal(t, [2]any{c.asn, c.org}, [2]any{asn, org}, c.addr)
	}
}

// TestOpenASNsRefuses a file that is no MaxMind DB, a missing one and a
// database whose records name no AS (a country database).
func TestOpenASNsRefuses(t *testing.T) {
	country := asntest.WriteDB(t, "GeoLite2-Country", map[string]mmdbtype.Map{
		"185.220.100.0/22": {"country": mmdbtype.Map{"iso_code": mmdbtype.String("DE")}}})
	notDB := filepath.Join(t.TempDir(), "asn.csv")
	require.NoError(t, os.WriteFile(notDB, []byte("185.220.100.0/22,205100,F3 Netze\n"), 0o600))
	for name, path := range map[string]string{"country": country, "not a database": notDB, "missing": filepath.Join(t.TempDir(), "none")} {
		_, err := enrich.OpenASNs(path)
		require.Error(t, err, name)
		require.Contains(t, err.Error(), "AS database", name)
	}
}
