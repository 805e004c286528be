// Package asntest writes small MaxMind DBs for tests of the AS lookup.
package asntest

import (
	"net"
	"os"
	"path/filepath"
	"testing"

	"github.com/maxmind/mmdbwriter"
	"github.com/maxmind/mmdbwriter/mmdbtype"
	"github.com/stretchr/testify/require"
)

// AS is a GeoLite2-ASN record.
func AS(number uint32, org string) mmdbtype.Map {
	return mmdbtype.Map{"autonomous_system_number": mmdbtype.Uint32(number), "autonomous_system_organization": mmdbtype.String(org)}
}

// WriteDB writes a MaxMind DB of type typ holding records by network
// (CIDR) in a temporary directory and returns its path.
func WriteDB(t testing.TB, typ string, records map[string]mmdbtype.Map) string {
	t.Helper()
	tree, err := mmdbwriter.New(mmdbwriter.Options{DatabaseType: typ, RecordSize: 24})
	require.NoError(t, err)
	for network, rec := range records {
		_, n, err := net.ParseCIDR(network)
		require.NoError(t, err)
		require.NoError(t, tree.Insert(n, rec))
	}
	path := filepath.Join(t.TempDir(), "db.mmdb")
	f, err := os.Create(path)
	require.NoError(t, err)
	_, err = tree.WriteTo(f)
	require.NoError(t, err)
	require.NoError(t, f.Close())
	return path
}
