package console

import (
	"context"
	"fmt"
	"strconv"
)

// crossPairs groups the range's events whose credential's tenant is not
// their own by (credential tenant, tenant), both in scope, from
// events_cross_tenant (those events only).
func (s *Server) crossPairs(ctx context.Context, f crossFilter, scope []string) ([]CrossPair, error) {
	ctx, cancel := context.WithTimeout(ctx, s.cfg.QueryTimeout)
	defer cancel()
	resource, args := inScope("tenant", scope)
	owner, ownerArgs := inScope("owner", scope)
	where := "time >= ? AND time < ? AND " + resource + " AND owner != '' AND owner != tenant AND " + owner
	args = append(append([]any{f.From, f.To}, args...), ownerArgs...)
	if f.Tenant != "" {
		where, args = where+" AND (tenant = ? OR owner = ?)", append(args, f.Tenant, f.Tenant)
	}
	rows, err := s.cfg.Store.Conn().Query(ctx, "SELECT owner, tenant, "+
		"uniqExact(id) AS n, uniqExactIf(id, outcome != 'success'), uniqExactIf(id, resource_visibility = 'private'), uniqExact(actor_id), "+
		"uniqExact(credential), "+uniqList("credential")+", min(time), max(time) "+
		"FROM events_cross_tenant WHERE "+where+" GROUP BY owner, tenant ORDER BY n DESC, owner, tenant LIMIT "+strconv.Itoa(f.Limit), args...)
	if err != nil {
		return nil, fmt.Errorf("cross-access: %w", err)
	}
	defer rows.Close()
	out := []CrossPair{}
	for rows.Next() {
		var p CrossPair
		if err := rows.Scan(&p.CredentialTenant, &p.ResourceTenant, &p.Events, &p.Failures, &p.Private, &p.Actors,
			&p.CredentialCount, &p.Credentials, &p.FirstSeen, &p.LastSeen); err != nil {
			return nil, fmt.Errorf("cross-access: scan: %w", err)
		}
		out = append(out, p)
	}
	return out, rows.Err()
}
