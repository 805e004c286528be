package main

import (
	"net"
	"net/netip"
	"os"
	"path/filepath"
	"testing"

	"github.com/maxmind/mmdbwriter"
	"github.com/maxmind/mmdbwriter/mmdbtype"
	"github.com/stretchr/testify/require"
)

// TestASNDBFlag: --asn-db opens a GeoLite2-ASN-shaped database for the
// decoder; a missing file or one that is no MaxMind DB stops the command.
func TestASNDBFlag(t *testing.T) {
	tree, err := mmdbwriter.New(mmdbwriter.Options{DatabaseType: "GeoLite2-ASN", RecordSize: 24})
	require.NoError(t, err)
	_, vps, _ := net.ParseCIDR("185.220.100.0/22")
	require.NoError(t, tree.Insert(vps, mmdbtype.Map{"autonomous_system_number": mmdbtype.Uint32(205100),
		"autonomous_system_organization": mmdbtype.String("F3 Netze e.V.")}))
	db := filepath.Join(t.TempDir(), "asn.mmdb")
	f, err := os.Create(db)
	require.NoError(t, err)
	_, err = tree.WriteTo(f)
	require.NoError(t, err)
	require.NoError(t, f.Close())

	s, err := sourceFlags{Format: "auto", ASNDB: db}.sources()
	require.NoError(t, err)
	asn, org, ok := s.Networks.Lookup(netip.MustParseAddr("185.220.101.4"))
	require.Equal(t, []any{uint32(205100), "F3 Netze e.V.", true}, []any{asn, org, ok})

	for _, bad := range []string{filepath.Join(t.TempDir(), "none.mmdb"), "sources_test.go"} {
		_, err := sourceFlags{Format: "auto", ASNDB: bad}.sources()
		require.ErrorContains(t, err, "AS database")
	}
	s, err = sourceFlags{Format: "auto"}.sources()
	require.NoError(t, err)
	require.Nil(t, s.Networks, "no database: no lookups")
}
