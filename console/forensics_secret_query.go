package console

import (
	"context"
	"fmt"
	"slices"
	"strconv"
)

// where is the filter over events_by_secret (sorted by secret id, then
// time), every value bound; the cursor is left to the page.
func (f secretFilter) where(scope []string) (string, []any) {
	scoped, args := inScope("tenant", scope)
	q := "secret_id = ? AND time >= ? AND time < ? AND " + scoped
	args = append([]any{f.Secret, f.From, f.To}, args...)
	if f.Tenant != "" {
		q, args = q+" AND tenant = ?", append(args, f.Tenant)
	}
	return q, args
}

// loadSecretHistory reads the page, its builds and the readers within the
// query timeout.
func (s *Server) loadSecretHistory(ctx context.Context, f secretFilter, scope []string) (SecretHistory, error) {
	ctx, cancel := context.WithTimeout(ctx, s.cfg.QueryTimeout)
	defer cancel()
	out := SecretHistory{Secret: f.Secret, From: f.From, To: f.To, Events: []SecretAccess{}}
	where, args := f.where(scope)
	page, pargs := where, args
	if f.Before.MS > 0 {
		page, pargs = page+" AND (time_ms < ? OR (time_ms = ? AND id > ?))", append(slices.Clone(args), f.Before.MS, f.Before.MS, f.Before.ID)
	}
	rows, err := s.cfg.Store.Conn().Query(ctx, "SELECT time, time_ms, id, tenant, action, outcome, actor_id, actor_type, token_id, "+
		"workload_id, workload_phase, source_ip, source_asn, source_country, source_user_agent, source_internal "+
		"FROM events_by_secret FINAL WHERE "+page+" ORDER BY time_ms DESC, id LIMIT "+strconv.Itoa(f.Limit+1), pargs...)
	if err != nil {
		return out, fmt.Errorf("secret history: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var e SecretAccess
		var internal uint8
		if err := rows.Scan(&e.Time, &e.TimeMS, &e.ID, &e.Tenant, &e.Action, &e.Outcome, &e.Actor, &e.ActorType, &e.Token,
			&e.Workload, &e.Phase, &e.IP, &e.ASN, &e.Country, &e.UserAgent, &internal); err != nil {
			return out, fmt.Errorf("secret history: scan: %w", err)
		}
		e.Internal = internal == 1
		out.Events = append(out.Events, e)
	}
	if err := rows.Err(); err != nil {
		return out, err
	}
	if len(out.Events) > f.Limit {
		out.Events = out.Events[:f.Limit]
		last := out.Events[f.Limit-1]
		out.Next = formatCursor(last.TimeMS, last.ID)
	}
	if err := s.secretBuilds(ctx, f.Secret, out.Events); err != nil {
		return out, err
	}
	out.Readers, err = s.secretReaders(ctx, where, args)
	return out, err
}

// secretBuilds fills the build of each event of the page: events_by_secret
// does not hold it, events does (sorted by tenant and time, so the page's
// tenants and time span bound the read).
func (s *Server) secretBuilds(ctx context.Context, secret string, page []SecretAccess) error {
	if len(page) == 0 {
		return nil
	}
	var tenants, ids []string
	for _, e := range page {
		if !slices.Contains(tenants, e.Tenant) {
			tenants = append(tenants, e.Tenant)
		}
		ids = append(ids, e.ID)
	}
	in, args := inScope("tenant", tenants)
	args = append(args, page[len(page)-1].Time, page[0].Time, secret, ids)
	rows, err := s.cfg.Store.Conn().Query(ctx, "SELECT tenant, id, workload_build_id FROM events WHERE "+in+
		" AND time >= ? AND time <= ? AND secret_id = ? AND has(?, id)", args...)
	if err != nil {
		return fmt.Errorf("secret builds: %w", err)
	}
	defer rows.Close()
	builds := map[[2]string]string{}
	for rows.Next() {
		var tenant, id, build string
		if err := rows.Scan(&tenant, &id, &build); err != nil {
			return fmt.Errorf("secret builds: scan: %w", err)
		}
		builds[[2]string{tenant, id}] = build
	}
	for i := range page {
		page[i].Build = builds[[2]string{page[i].Tenant, page[i].ID}]
	}
	return rows.Err()
}
