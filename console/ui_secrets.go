package console

import (
	"net/http"
)

// secretsView is the secret access history page's data: GET
// /api/v1/secrets/history's answer (same parameters, same query).
type secretsView struct {
	forensicForm
	History SecretHistory
}

// secretsPage answers GET /ui/secrets: without parameters, the form; else
// who read the secret, from which workload, build and network.
func (s *Server) secretsPage(w http.ResponseWriter, r *http.Request) {
	form, raw, ok := s.newForensicForm(w, r)
	if !ok {
		return
	}
	v := secretsView{forensicForm: form}
	if !form.Asked {
		s.answer(w, r, v.forensicForm, "secrets", "Secret history", v)
		return
	}
	f, err := parseSecretFilter(raw, s.cfg.Now().UTC())
	if v.problem(err) {
		s.answer(w, r, v.forensicForm, "secrets", "Secret history", v)
		return
	}
	if err := s.record(r.Context(), r, "secret.history", f.Tenant, "", f); err != nil {
		s.renderError(w, r, http.StatusServiceUnavailable, "", "The action log is unavailable.")
		return
	}
	u := userOf(r)
	v.History = SecretHistory{Secret: f.Secret, From: f.From, To: f.To, Events: []SecretAccess{}, Readers: []SecretReader{}}
	if f.Tenant == "" || u.SeesTenant(f.Tenant) {
		if v.History, err = s.loadSecretHistory(r.Context(), f, u.TenantScope()); err != nil {
			s.cfg.Log.Error("secret history query", "err", err)
			s.renderError(w, r, http.StatusServiceUnavailable, "", "The event store is unavailable.")
			return
		}
	}
	v.pages("/ui/secrets", v.History.Next)
	s.answer(w, r, v.forensicForm, "secrets", "Secret "+f.Secret, v)
}
