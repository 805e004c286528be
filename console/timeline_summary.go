package console

import (
	"context"
	"fmt"
)

// timelineSummary fills the networks and the uses per hour over the
// timeline's whole range.
func (s *Server) timelineSummary(ctx context.Context, where string, args []any, out *Timeline) error {
	rows, err := s.cfg.Store.Conn().Query(ctx, "SELECT source_asn, source_country, count() AS n FROM events_by_token FINAL "+
		"WHERE "+where+" GROUP BY source_asn, source_country ORDER BY n DESC, source_asn LIMIT 100", args...)
	if err != nil {
		return fmt.Errorf("timeline networks: %w", err)
	}
	for rows.Next() {
		var n NetworkUse
		if err := rows.Scan(&n.ASN, &n.Country, &n.Events); err != nil {
			rows.Close()
			return fmt.Errorf("timeline networks: %w", err)
		}
		out.Networks = append(out.Networks, n)
	}
	rows.Close()
	rows, err = s.cfg.Store.Conn().Query(ctx, "SELECT toStartOfHour(time) AS hour, count() FROM events_by_token FINAL "+
		"WHERE "+where+" GROUP BY hour ORDER BY hour", args...)
	if err != nil {
		return fmt.Errorf("timeline hours: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var h HourlyUse
		if err := rows.Scan(&h.Hour, &h.Events); err != nil {
			return fmt.Errorf("timeline hours: %w", err)
		}
		out.Hourly = append(out.Hourly, h)
	}
	return rows.Err()
}
