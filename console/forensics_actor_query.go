package console

import (
	"context"
	"fmt"
)

// where is the actor's filter over events (sorted by tenant, then time:
// the tenants in scope and the range bound the read), every value bound.
func (f actorFilter) where(scope []string) (string, []any) {
	scoped, args := inScope("tenant", scope)
	q := "time >= ? AND time < ? AND " + scoped + " AND actor_id = ?"
	args = append(append([]any{f.From, f.To}, args...), f.Actor)
	if f.Tenant != "" {
		q, args = q+" AND tenant = ?", append(args, f.Tenant)
	}
	return q, args
}

// actorCounts are the groupings of the activity: what each counts by (SQL
// from this list only), and where the result goes.
func actorCounts(out *ActorActivity) []struct {
	key string
	dst *[]Count
} {
	return []struct {
		key string
		dst *[]Count
	}{{"action", &out.ByAction}, {"if(token_id != '', token_id, secret_id)", &out.ByCredential}, {"tenant", &out.ByTenant}}
}

// loadActorActivity reads the page, the total and the counts within the
// query timeout.
func (s *Server) loadActorActivity(ctx context.Context, f actorFilter, scope []string, out *ActorActivity) error {
	ctx, cancel := context.WithTimeout(ctx, s.cfg.QueryTimeout)
	defer cancel()
	where, args := f.where(scope)
	var err error
	if out.Events, out.Next, err = s.eventPage(ctx, where, args, true, f.Before, f.Limit); err != nil {
		return err
	}
	if err := s.cfg.Store.Conn().QueryRow(ctx, "SELECT uniqExact(id) FROM events WHERE "+where, args...).Scan(&out.Total); err != nil {
		return fmt.Errorf("actor total: %w", err)
	}
	for _, c := range actorCounts(out) {
		if *c.dst, err = s.counts(ctx, "SELECT "+c.key+" AS value, uniqExact(id) AS n, min(time), max(time) FROM events WHERE "+
			where+" AND value != '' GROUP BY value ORDER BY n DESC, value LIMIT 100", args); err != nil {
			return err
		}
	}
	rows, err := s.cfg.Store.Conn().Query(ctx, "SELECT source_asn, source_country, uniqExact(id) AS n FROM events WHERE "+where+
		" GROUP BY source_asn, source_country ORDER BY n DESC, source_asn, source_country LIMIT 100", args...)
	if err != nil {
		return fmt.Errorf("actor networks: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var n NetworkUse
		if err := rows.Scan(&n.ASN, &n.Country, &n.Events); err != nil {
			return fmt.Errorf("actor networks: scan: %w", err)
		}
		out.ByNetwork = append(out.ByNetwork, n)
	}
	return rows.Err()
}
