package console

import (
	"context"
	"fmt"
	"slices"
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
func (s *Server) secretReaders(ctx context.Context, f secretFilter, where string, args []any) ([]SecretReader, error) {
	rows, err := s.cfg.Store.Conn().Query(ctx, "SELECT actor_id, any(actor_type), count() AS n, countIf(action = 'secret.read'), "+
		"countIf(outcome != 'success'), min(time), max(time), "+uniqList("tenant")+", "+uniqList("token_id")+", "+
		uniqList("workload_id")+", arraySlice(arraySort(groupUniqArray(source_asn)), 1, 20), "+uniqList("source_country")+
		" FROM events_by_secret FINAL WHERE "+where+" GROUP BY actor_id ORDER BY n DESC, actor_id LIMIT "+strconv.Itoa(maxReaders), args...)
	if err != nil {
		return nil, fmt.Errorf("secret readers: %w", err)
	}
	defer rows.Close()
	out := []SecretReader{}
	for rows.Next() {
		var r SecretReader
		if err := rows.Scan(&r.Actor, &r.ActorType, &r.Events, &r.Reads, &r.Failures, &r.FirstSeen, &r.LastSeen, &r.Tenants,
			&r.Tokens, &r.Workloads, &r.ASNs, &r.Countries); err != nil {
			return nil, fmt.Errorf("secret readers: scan: %w", err)
		}
		r.Builds = []string{}
		out = append(out, r)
	}
	if err := rows.Err(); err != nil || len(out) == 0 {
		return out, err
	}
	return out, s.readerBuilds(ctx, f, out)
}

// readerBuilds fills each reader's builds from events (sorted by tenant and
// time: the readers' tenants, all in scope, and the range bound the read).
func (s *Server) readerBuilds(ctx context.Context, f secretFilter, readers []SecretReader) error {
	var tenants, actors []string
	for _, r := range readers {
		actors = append(actors, r.Actor)
		for _, t := range r.Tenants {
			if !slices.Contains(tenants, t) {
				tenants = append(tenants, t)
			}
		}
	}
	in, args := inScope("tenant", tenants)
	rows, err := s.cfg.Store.Conn().Query(ctx, "SELECT actor_id, "+uniqList("workload_build_id")+" FROM events WHERE "+in+
		" AND time >= ? AND time < ? AND secret_id = ? AND has(?, actor_id) GROUP BY actor_id",
		append(args, f.From, f.To, f.Secret, actors)...)
	if err != nil {
		return fmt.Errorf("secret reader builds: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var actor string
		var builds []string
		if err := rows.Scan(&actor, &builds); err != nil {
			return fmt.Errorf("secret reader builds: scan: %w", err)
		}
		if i := slices.IndexFunc(readers, func(r SecretReader) bool { return r.Actor == actor }); i >= 0 {
			readers[i].Builds = builds
		}
	}
	return rows.Err()
}
