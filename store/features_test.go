package store

import (
	"testing"

	"github.com/ClickHouse/clickhouse-go/v2/lib/proto"
)

// TestFeaturesOfVersions: each feature switches on at the version that
// brought it, and 18.16 has none.
func TestFeaturesOfVersions(t *testing.T) {
	for v, want := range map[proto.Version]Features{
		{Major: 18, Minor: 16, Patch: 1}: {},
		{Major: 19, Minor: 3}:            {LowCardinality: true},
		{Major: 19, Minor: 6}:            {LowCardinality: true, TTL: true},
		{Major: 20, Minor: 1}:            {LowCardinality: true, TTL: true, Codecs: true, SkipIndexes: true},
		{Major: 24, Minor: 8}:            {LowCardinality: true, TTL: true, Codecs: true, SkipIndexes: true},
	} {
		if got := FeaturesOf(v); got != want {
			t.Errorf("%d.%d: %s, want %s", v.Major, v.Minor, got, want)
		}
	}
}
