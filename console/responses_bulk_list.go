package console

import (
	"context"
	"fmt"
	"net/http"
	"strconv"

	"github.com/credwatch/credwatch/console/access"
)

// maxPendingBulk bounds the bulk approval requests listed.
const maxPendingBulk = 100

// bulkRequestList is GET /api/v1/responses/bulk's answer.
type bulkRequestList struct {
	Requests []bulkRequest `json:"requests"`
}

// listBulkRequests answers GET /api/v1/responses/bulk: the bulk approval
// requests still waiting for their confirmation (the newest 100 of the
// last 24 h), those whose every intent's tenant the user sees.
func (s *Server) listBulkRequests(w http.ResponseWriter, r *http.Request) {
	u := userOf(r)
	if !u.May(access.Triage) {
		writeError(w, http.StatusForbidden, "", "this role may not answer revocations")
		return
	}
	q, err := parseQuery(r.URL.RawQuery)
	if err == nil {
		err = onlyParams(q, nil)
	}
	if badQuery(w, err) || !s.audited(w, r, "responses.bulk_list", "", nil) {
		return
	}
	ctx, cancel := context.WithTimeout(r.Context(), s.cfg.QueryTimeout)
	defer cancel()
	out, err := s.pendingBulkRequests(ctx, u)
	if err != nil {
		code, msg := s.intentFailure(err)
		writeError(w, code, "", msg)
		return
	}
	writeJSON(w, http.StatusOK, bulkRequestList{Requests: out})
}

// pendingBulkRequests are the requests u could confirm or sees waiting:
// pending, at most a day old, every intent of a tenant u sees; newest first.
// (Each version's row carries the request's tenants and creation time; the
// newest version says whether it is still pending.)
func (s *Server) pendingBulkRequests(ctx context.Context, u access.User) ([]bulkRequest, error) {
	where, args := "created >= ?", []any{s.cfg.Now().UTC().Add(-bulkRequestLife)}
	if scope := u.TenantScope(); scope != nil {
		where, args = where+" AND arrayAll(t -> has(?, t), intent_tenants)", append(args, scope)
	}
	rows, err := s.cfg.Store.Conn().Query(ctx, "SELECT id, max(version), argMax(state, version) AS newest_state, "+
		"argMax(requested_by, version), argMax(reason, version), any(intent_tenants), any(intent_ids), "+
		"argMax(confirmed_by, version), min(created) AS first_created, max(at) FROM response_bulk_requests WHERE "+where+
		" GROUP BY id HAVING newest_state = 'pending' ORDER BY first_created DESC, id LIMIT "+strconv.Itoa(maxPendingBulk), args...)
	if err != nil {
		return nil, fmt.Errorf("bulk requests: %w", err)
	}
	defer rows.Close()
	out := []bulkRequest{}
	for rows.Next() {
		b, err := scanBulkRequest(rows)
		if err != nil {
			return nil, fmt.Errorf("bulk requests: scan: %w", err)
		}
		out = append(out, b)
	}
	return out, rows.Err()
}
