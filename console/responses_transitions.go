package console

import (
	"context"
	"fmt"
	"strconv"
)

// addTransitions fills each response's transitions, oldest first.
func (s *Server) addTransitions(ctx context.Context, rs []Response) error {
	at := map[[2]string]int{}
	var tenants, ids []string
	for i, r := range rs {
		at[[2]string{r.Tenant, r.ID}] = i
		tenants, ids = append(tenants, r.Tenant), append(ids, r.ID)
	}
	rows, err := s.cfg.Store.Conn().Query(ctx, "SELECT tenant, intent_id, seq, state, attempt, detail, by, at "+
		"FROM response_intents FINAL WHERE has(?, tenant) AND has(?, intent_id) ORDER BY tenant, intent_id, seq "+
		"LIMIT "+strconv.Itoa(maxTransitions)+" BY tenant, intent_id", tenants, ids)
	if err != nil {
		return fmt.Errorf("responses: transitions: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var tenant, id string
		var t Transition
		if err := rows.Scan(&tenant, &id, &t.Seq, &t.State, &t.Attempt, &t.Detail, &t.By, &t.At); err != nil {
			return fmt.Errorf("responses: transitions: scan: %w", err)
		}
		if i, ok := at[[2]string{tenant, id}]; ok {
			rs[i].Transitions = append(rs[i].Transitions, t)
		}
	}
	return rows.Err()
}
