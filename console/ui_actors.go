package console

import (
	"net/http"
	"net/url"

	"github.com/credwatch/credwatch/event"
)

// actorView is the actor activity page's data: GET
// /api/v1/actors/{id}/activity's answer (same parameters, same queries).
type actorView struct {
	forensicForm
	Activity ActorActivity
}

// actorPage answers GET /ui/actors/{id}: one page of the actor's events in
// the tenants in scope, and their counts by action, credential, network
// and tenant over the range.
func (s *Server) actorPage(w http.ResponseWriter, r *http.Request) {
	form, raw, ok := s.newForensicForm(w, r)
	if !ok {
		return
	}
	u, id := userOf(r), r.PathValue("id")
	v := actorView{forensicForm: form, Activity: ActorActivity{Actor: id, Events: []event.Event{}}}
	f, err := parseActorFilter(id, raw, s.cfg.Now().UTC())
	if v.problem(err) {
		s.answer(w, r, v.forensicForm, "actor", "Actor", v)
		return
	}
	if err := s.record(r.Context(), r, "actor.activity", f.Tenant, "", f); err != nil {
		s.renderError(w, r, http.StatusServiceUnavailable, "", "The action log is unavailable.")
		return
	}
	v.Activity = ActorActivity{Actor: f.Actor, From: f.From, To: f.To, Events: []event.Event{}, ByAction: []Count{},
		ByCredential: []Count{}, ByNetwork: []NetworkUse{}, ByTenant: []Count{}}
	if f.Tenant == "" || u.SeesTenant(f.Tenant) {
		if err = s.loadActorActivity(r.Context(), f, u.TenantScope(), &v.Activity); err != nil {
			s.cfg.Log.Error("actor activity query", "err", err)
			s.renderError(w, r, http.StatusServiceUnavailable, "", "The event store is unavailable.")
			return
		}
	}
	v.pages("/ui/actors/"+url.PathEscape(f.Actor), v.Activity.Next)
	s.answer(w, r, v.forensicForm, "actor", "Actor "+f.Actor, v)
}

// findActor answers GET /ui/actors: the form; with id, on to the actor's page.
func (s *Server) findActor(w http.ResponseWriter, r *http.Request) {
	form, _, ok := s.newForensicForm(w, r)
	if !ok {
		return
	}
	id := form.Query.Get("id")
	if id == "" {
		s.render(w, r, http.StatusOK, "actor", "Actors", actorView{forensicForm: form})
		return
	}
	if len(id) > maxParamLen {
		s.renderError(w, r, http.StatusBadRequest, "id", "must be an actor id of at most 256 bytes")
		return
	}
	rest := cloneValues(form.Query)
	rest.Del("id")
	target := "/ui/actors/" + url.PathEscape(id)
	if len(rest) > 0 {
		target += "?" + rest.Encode()
	}
	http.Redirect(w, r, target, http.StatusSeeOther)
}
