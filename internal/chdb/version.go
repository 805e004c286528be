package chdb

import (
	"fmt"
	"strings"

	"github.com/ClickHouse/clickhouse-go/v2/lib/proto"
)

// Version is the embedded server's version, parsed as clickhouse-go parses
// a server's at connect (credwatch gates its DDL on it).
func (s *Session) Version() (proto.Version, error) {
	out, err := s.Exec("SELECT version()")
	if err != nil {
		return proto.Version{}, err
	}
	v := proto.ParseVersion(strings.TrimSpace(out))
	if v.Major == 0 {
		return proto.Version{}, fmt.Errorf("chdb: version %q", out)
	}
	return v, nil
}
