package console

import "net/http"

// crossView is the cross-tenant page's data: GET
// /api/v1/tenants/cross-access's answer (same parameters, same query).
type crossView struct {
	forensicForm
	Access CrossAccess
}

// crossPage answers GET /ui/tenants/cross-access: which tenants'
// credentials touched which tenants' resources in the range, a pair shown
// to a scoped user only when both its tenants are in scope.
func (s *Server) crossPage(w http.ResponseWriter, r *http.Request) {
	form, raw, ok := s.newForensicForm(w, r)
	if !ok {
		return
	}
	v := crossView{forensicForm: form, Access: CrossAccess{Pairs: []CrossPair{}}}
	f, err := parseCrossFilter(raw, s.cfg.Now().UTC())
	if v.problem(err) {
		s.answer(w, r, v.forensicForm, "cross", "Cross-tenant access", v)
		return
	}
	if err := s.record(r.Context(), r, "tenants.cross_access", f.Tenant, "", f); err != nil {
		s.renderError(w, r, http.StatusServiceUnavailable, "", "The action log is unavailable.")
		return
	}
	u := userOf(r)
	v.Access = CrossAccess{From: f.From, To: f.To, Pairs: []CrossPair{}}
	if f.Tenant == "" || u.SeesTenant(f.Tenant) {
		if v.Access.Pairs, err = s.crossPairs(r.Context(), f, u.TenantScope()); err != nil {
			s.cfg.Log.Error("cross-access query", "err", err)
			s.renderError(w, r, http.StatusServiceUnavailable, "", "The event store is unavailable.")
			return
		}
	}
	s.answer(w, r, v.forensicForm, "cross", "Cross-tenant access", v)
}
