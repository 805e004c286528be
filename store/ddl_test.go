package store

import (
	"io/fs"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestClusterDDLShape checks every statement of the cluster rendering: each
// CREATE, DROP and ALTER runs ON CLUSTER, names its database, and every
// MergeTree-family engine is Replicated.
func TestClusterDDLShape(t *testing.T) {
	fsys, err := renderMigrations(templateData{ddl: ddl{cluster: "cw", db: "credwatch"}})
	require.NoError(t, err)
	files, err := fs.Glob(fsys, "*.sql")
	require.NoError(t, err)
	engine := regexp.MustCompile(`ENGINE = (\w+)`)
	stmt := regexp.MustCompile(`(?m)^(CREATE|DROP|ALTER) .*`)
	for _, f := range files {
		b, err := fs.ReadFile(fsys, f)
		require.NoError(t, err)
		for _, s := range stmt.FindAllString(string(b), -1) {
			require.Contains(t, s, " ON CLUSTER cw", "%s: %s", f, s)
			require.Contains(t, s, "credwatch.", "%s: %s", f, s)
		}
		for _, m := range engine.FindAllStringSubmatch(string(b), -1) {
			if strings.HasSuffix(m[1], "MergeTree") {
				require.True(t, strings.HasPrefix(m[1], "Replicated"), "%s: %s", f, m[0])
			} else {
				require.Equal(t, "Distributed", m[1], "%s", f)
			}
		}
	}
}

func TestEngineRefusesNonMergeTree(t *testing.T) {
	_, err := ddl{cluster: "cw", db: "d"}.engine("t", "Log")
	require.Error(t, err)
	_, err = ddl{cluster: "cw", db: "d"}.distributed("no_such_table")
	require.ErrorContains(t, err, "no sharding key")
}

func TestWithClusterRoundTrip(t *testing.T) {
	dsn, err := WithCluster("clickhouse://h:9000/db?http_port=8124", "prod")
	require.NoError(t, err)
	rest, cluster, err := splitCluster(dsn)
	require.NoError(t, err)
	require.Equal(t, "prod", cluster)
	require.Equal(t, "clickhouse://h:9000/db?http_port=8124", rest)
	same, err := WithCluster("clickhouse://h:9000/db", "")
	require.NoError(t, err)
	require.Equal(t, "clickhouse://h:9000/db", same)
	require.Error(t, checkClusterNames("a-b", "db"))
	require.Error(t, checkClusterNames("cw", "my-db"))
	require.NoError(t, checkClusterNames("cw", "credwatch"))
}
