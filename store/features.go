package store

import (
	"fmt"

	"github.com/ClickHouse/clickhouse-go/v2/lib/proto"
)

// Features says which newer ClickHouse features the server has. DDL keeps to
// what 18.16 accepts and adds these only where the server supports them.
type Features struct {
	LowCardinality bool // LowCardinality(String) without a setting (19.1+)
	TTL            bool // table TTL (19.6+)
	Codecs         bool // column codecs: Delta, DoubleDelta, ZSTD (20.1+)
	SkipIndexes    bool // data-skipping indexes, bloom_filter among them (20.1+)
}

// FeaturesOf derives the features from a server version.
func FeaturesOf(v proto.Version) Features {
	atLeast := func(major, minor uint64) bool {
		return v.Major > major || (v.Major == major && v.Minor >= minor)
	}
	return Features{LowCardinality: atLeast(19, 1), TTL: atLeast(19, 6), Codecs: atLeast(20, 1), SkipIndexes: atLeast(20, 1)}
}

func (f Features) String() string {
	return fmt.Sprintf("low_cardinality=%t ttl=%t codecs=%t skip_indexes=%t", f.LowCardinality, f.TTL, f.Codecs, f.SkipIndexes)
}
