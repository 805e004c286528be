package main

import (
	"net/netip"
	"path/filepath"
	"testing"

	"github.com/maxmind/mmdbwriter/mmdbtype"
	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/internal/asntest"
)

// TestASNDBFlag: --asn-db opens a GeoLite2-ASN-shaped database for the
// decoder; a missing file or one that is no MaxMind DB stops the command.
func TestASNDBFlag(t *testing.T) {
	db := asntest.WriteDB(t, "GeoLite2-ASN", map[string]mmdbtype.Map{"185.220.100.0/22": asntest.AS(205100, "F3 Netze e.V.")})

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
