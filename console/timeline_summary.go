package console

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"time"
)

// maxNetworks bounds the networks a timeline lists (the busiest).
const maxNetworks = 100

// netKey is a network: one (ASN, country) pair.
type netKey struct {
	asn     uint32
	country string
}

// timelineSummary fills the networks and the uses per hour over the
// timeline's whole range, in one pass over the credential's rows: events
// by hour and network, each counted once by its id (no FINAL: merging
// every row of a credential used a million times in a month took longer
// than counting distinct ids per group; a replayed event is still one).
func (s *Server) timelineSummary(ctx context.Context, where string, args []any, out *Timeline) error {
	rows, err := s.cfg.Store.Conn().Query(ctx, "SELECT toStartOfHour(time) AS hour, source_asn, source_country, "+
		"uniqExact(id) FROM events_by_token WHERE "+where+" GROUP BY hour, source_asn, source_country", args...)
	if err != nil {
		return fmt.Errorf("timeline summary: %w", err)
	}
	defer rows.Close()
	hours, networks := map[time.Time]uint64{}, map[netKey]uint64{}
	for rows.Next() {
		var hour time.Time
		var n netKey
		var events uint64
		if err := rows.Scan(&hour, &n.asn, &n.country, &events); err != nil {
			return fmt.Errorf("timeline summary: %w", err)
		}
		hours[hour] += events
		networks[n] += events
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("timeline summary: %w", err)
	}
	out.Hourly, out.Networks = hourlyUses(hours), networkUses(networks)
	return nil
}

// hourlyUses are the hours in order.
func hourlyUses(hours map[time.Time]uint64) []HourlyUse {
	out := make([]HourlyUse, 0, len(hours))
	for h, n := range hours {
		out = append(out, HourlyUse{Hour: h, Events: n})
	}
	slices.SortFunc(out, func(a, b HourlyUse) int { return a.Hour.Compare(b.Hour) })
	return out
}

// networkUses are the busiest networks first (then by ASN and country), at
// most maxNetworks.
func networkUses(networks map[netKey]uint64) []NetworkUse {
	out := make([]NetworkUse, 0, len(networks))
	for k, n := range networks {
		out = append(out, NetworkUse{ASN: k.asn, Country: k.country, Events: n})
	}
	slices.SortFunc(out, func(a, b NetworkUse) int {
		return cmp.Or(cmp.Compare(b.Events, a.Events), cmp.Compare(a.ASN, b.ASN), cmp.Compare(a.Country, b.Country))
	})
	return out[:min(len(out), maxNetworks)]
}
