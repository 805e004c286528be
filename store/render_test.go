package store

import (
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite testdata/single and testdata/cluster from the templates")

// singleVariants are the servers and options whose single-node rendering is
// pinned, so that a change to it is deliberate: goose never re-runs an
// applied migration, so a change reaches new databases only (as the column
// codecs on servers that have them did).
var singleVariants = map[string]templateData{
	"v18.16-retention30":   {Features: Features{}, RetentionDays: 30},
	"v24-retention30":      {Features: Features{LowCardinality: true, TTL: true, Codecs: true, SkipIndexes: true}, RetentionDays: 30},
	"v24-forever":          {Features: Features{LowCardinality: true, TTL: true, Codecs: true, SkipIndexes: true}},
	"v19.3-lowcardinality": {Features: Features{LowCardinality: true}},
}

// clusterVariants are the cluster renderings kept as golden files (to
// review DDL changes), on the oldest and a modern server.
var clusterVariants = map[string]templateData{
	"v18.16":          {ddl: ddl{cluster: "cw", db: "credwatch"}},
	"v24-retention30": {Features: Features{LowCardinality: true, TTL: true, Codecs: true, SkipIndexes: true}, RetentionDays: 30, ddl: ddl{cluster: "cw", db: "credwatch"}},
}

func TestSingleNodeMigrationsUnchanged(t *testing.T) {
	testGolden(t, "single", singleVariants)
}

func TestClusterMigrationsGolden(t *testing.T) {
	testGolden(t, "cluster", clusterVariants)
}

func testGolden(t *testing.T, kind string, variants map[string]templateData) {
	for name, data := range variants {
		t.Run(name, func(t *testing.T) {
			fsys, err := renderMigrations(data)
			require.NoError(t, err)
			dir := filepath.Join("testdata", kind, name)
			files, err := fs.Glob(fsys, "*.sql")
			require.NoError(t, err)
			require.NotEmpty(t, files)
			for _, f := range files {
				got, err := fs.ReadFile(fsys, f)
				require.NoError(t, err)
				if *update {
					require.NoError(t, os.MkdirAll(dir, 0o750))
					require.NoError(t, os.WriteFile(filepath.Join(dir, f), got, 0o640))
					continue
				}
				want, err := os.ReadFile(filepath.Join(dir, f))
				require.NoError(t, err, "golden file for %s", f)
				require.Equal(t, string(want), string(got), "%s renders differently (%s; -update rewrites)", f, kind)
			}
		})
	}
}
