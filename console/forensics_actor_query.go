package console

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"time"

	"golang.org/x/sync/errgroup"

	"github.com/credwatch/credwatch/event"
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
	g, gctx := errgroup.WithContext(ctx)
	g.Go(func() error { return s.actorEventPage(gctx, f, where, args, out) })
	g.Go(func() error {
		err := s.cfg.Store.Conn().QueryRow(gctx, "SELECT uniqExact(id) FROM events_by_actor WHERE "+where, args...).Scan(&out.Total)
		if err != nil {
			return fmt.Errorf("actor total: %w", err)
		}
		return nil
	})
	for _, c := range actorCounts(out) {
		g.Go(func() (err error) {
			*c.dst, err = s.counts(gctx, "SELECT "+c.key+" AS value, uniqExact(id) AS n, min(time), max(time) FROM events_by_actor WHERE "+
				where+" AND value != '' GROUP BY value ORDER BY n DESC, value LIMIT 100", args)
			return err
		})
	}
	g.Go(func() (err error) { out.ByNetwork, err = s.actorNetworks(gctx, where, args); return err })
	return g.Wait()
}

// actorNetworks counts the actor's events by network (ASN and country).
func (s *Server) actorNetworks(ctx context.Context, where string, args []any) ([]NetworkUse, error) {
	rows, err := s.cfg.Store.Conn().Query(ctx, "SELECT source_asn, source_country, uniqExact(id) AS n FROM events_by_actor WHERE "+where+
		" GROUP BY source_asn, source_country ORDER BY n DESC, source_asn, source_country LIMIT 100", args...)
	if err != nil {
		return nil, fmt.Errorf("actor networks: %w", err)
	}
	defer rows.Close()
	out := []NetworkUse{}
	for rows.Next() {
		var n NetworkUse
		if err := rows.Scan(&n.ASN, &n.Country, &n.Events); err != nil {
			return nil, fmt.Errorf("actor networks: scan: %w", err)
		}
		out = append(out, n)
	}
	return out, rows.Err()
}

// actorEventPage reads one page of the actor's full events from events, within
// the time span and tenants of that page's events in events_by_actor (the
// actor's events are a sliver of each tenant's: bounding the read by them
// keeps it to the granules that hold the page).
func (s *Server) actorEventPage(ctx context.Context, f actorFilter, where string, args []any, out *ActorActivity) error {
	keyset, order, kargs := afterCursor(where, args, true, f.Before)
	var first, last time.Time
	var tenants []string
	err := s.cfg.Store.Conn().QueryRow(ctx, "SELECT min(time), max(time), groupUniqArray(tenant) FROM (SELECT time, tenant, id "+
		"FROM events_by_actor WHERE "+keyset+" ORDER BY "+order+" LIMIT 1 BY id LIMIT "+strconv.Itoa(f.Limit+1)+")",
		kargs...).Scan(&first, &last, &tenants)
	if err != nil {
		return fmt.Errorf("actor page bounds: %w", err)
	}
	if len(tenants) == 0 {
		out.Events = []event.Event{}
		return nil
	}
	inPage, targs := inScope("tenant", tenants)
	bounded := where + " AND time >= ? AND time <= ? AND " + inPage
	bargs := append(append(slices.Clone(args), first, last), targs...)
	out.Events, out.Next, err = s.eventPage(ctx, bounded, bargs, true, f.Before, f.Limit)
	return err
}
