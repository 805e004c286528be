package chdb

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/ClickHouse/clickhouse-go/v2/lib/proto"
)

// Version is the embedded server's version, as credwatch reads a server's
// at connect to gate its DDL.
func (s *Session) Version() (proto.Version, error) {
	out, err := s.Exec("SELECT version()")
	if err != nil {
		return proto.Version{}, err
	}
	parts := strings.SplitN(strings.TrimSpace(out), ".", 4)
	if len(parts) < 3 {
		return proto.Version{}, fmt.Errorf("chdb: version %q", out)
	}
	var v [3]uint64
	for i := range v {
		if v[i], err = strconv.ParseUint(parts[i], 10, 64); err != nil {
			return proto.Version{}, fmt.Errorf("chdb: version %q: %w", out, err)
		}
	}
	return proto.Version{Major: v[0], Minor: v[1], Patch: v[2]}, nil
}
