package console

import (
	"context"
	"net/http"
	"time"

	"github.com/credwatch/credwatch/console/access"
)

// endSuppression answers DELETE /api/v1/suppressions/{id}: the suppression
// ends now (a newer version of it, ended); detection stops honouring it
// within its poll interval. One of another tenant, or of every tenant for
// a scoped user, answers as a missing one.
func (s *Server) endSuppression(w http.ResponseWriter, r *http.Request) {
	u := userOf(r)
	if !u.May(access.Triage) {
		writeError(w, http.StatusForbidden, "", "this role may not manage suppressions")
		return
	}
	id := r.PathValue("id")
	if !validName(id) {
		writeError(w, http.StatusNotFound, "", "no such suppression")
		return
	}
	ctx, cancel := context.WithTimeout(r.Context(), s.cfg.QueryTimeout)
	defer cancel()
	s.work.mu.Lock()
	defer s.work.mu.Unlock()
	rec, ok, err := s.work.suppressions.Get(ctx, id)
	switch {
	case err != nil:
		s.cfg.Log.Error("suppressions", "err", err)
		writeError(w, http.StatusServiceUnavailable, "", "the suppression store is unavailable")
		return
	case !ok || (rec.Tenant == "" && u.TenantScope() != nil) || !u.SeesTenant(rec.Tenant):
		writeError(w, http.StatusNotFound, "", "no such suppression")
		return
	case rec.Ended:
		writeError(w, http.StatusConflict, "", "the suppression was already ended")
		return
	}
	if !s.audited(w, r, "suppression.end", rec.Tenant, map[string]string{"id": id}) {
		return
	}
	now := s.cfg.Now().UTC().Truncate(time.Second)
	if err := s.work.suppressions.End(ctx, rec, u.Name, now); err != nil {
		s.cfg.Log.Error("suppressions", "err", err)
		writeError(w, http.StatusServiceUnavailable, "", "the suppression store is unavailable")
		return
	}
	rec.Ended, rec.EndedBy, rec.At, rec.Version = true, u.Name, now, rec.Version+1
	writeJSON(w, http.StatusOK, rec)
}
