package console

import (
	"context"
	"fmt"
	"strconv"
	"time"
)

// SecretReader is one actor's accesses to the secret over the whole range.
type SecretReader struct {
	Actor     string    `json:"actor"`
	ActorType string    `json:"actor_type"`
	Events    uint64    `json:"events"`
	Reads     uint64    `json:"reads"`    // secret.read events
	Failures  uint64    `json:"failures"` // events whose outcome is not success
	FirstSeen time.Time `json:"first_seen"`
	LastSeen  time.Time `json:"last_seen"`
	Tenants   []string  `json:"tenants"`
	Tokens    []string  `json:"tokens"`
	Workloads []string  `json:"workloads"`
	Builds    []string  `json:"builds"`
	ASNs      []uint32  `json:"asns"`
	Countries []string  `json:"countries"`
}

// maxReaders bounds the readers listed, the busiest first; each list of a
// reader keeps its first 20 values in order.
const maxReaders = 100

// secretReaders summarises the accesses matching where per actor.
func (s *Server) secretReaders(ctx context.Context, where string, args []any) ([]SecretReader, error) {
	rows, err := s.cfg.Store.Conn().Query(ctx, "SELECT actor_id, any(actor_type), count() AS n, countIf(action = 'secret.read'), "+
		"countIf(outcome != 'success'), min(time), max(time), "+uniqList("tenant")+", "+uniqList("token_id")+", "+
		uniqList("workload_id")+", "+uniqList("workload_build_id")+", arraySlice(arraySort(groupUniqArray(source_asn)), 1, 20), "+uniqList("source_country")+
		" FROM events_by_secret FINAL WHERE "+where+" GROUP BY actor_id ORDER BY n DESC, actor_id LIMIT "+strconv.Itoa(maxReaders), args...)
	if err != nil {
		return nil, fmt.Errorf("secret readers: %w", err)
	}
	defer rows.Close()
	out := []SecretReader{}
	for rows.Next() {
		var r SecretReader
		if err := rows.Scan(&r.Actor, &r.ActorType, &r.Events, &r.Reads, &r.Failures, &r.FirstSeen, &r.LastSeen, &r.Tenants,
			&r.Tokens, &r.Workloads, &r.Builds, &r.ASNs, &r.Countries); err != nil {
			return nil, fmt.Errorf("secret readers: scan: %w", err)
		}
		out = append(out, r)
	}
	return out, rows.Err()
}
