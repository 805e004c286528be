package console

import (
	"errors"
	"net/http"
	"net/url"
	"time"

	"github.com/credwatch/credwatch/console/access"
)

// credentialView is the credential timeline page's data: one page of its
// events, its networks, and where the chart fetches its uses per hour.
type credentialView struct {
	Timeline Timeline
	From, To time.Time
	Paged    bool   // not the newest page
	NewerURL string // the newest page
	OlderURL string // the next page, "" at the end
	ChartURL string // the timeline endpoint, for charts.js
	CSVURL   string // this page of events as the timeline endpoint's CSV
	Export   string // every event of the token in the range, GET /api/v1/events/export's CSV
}

// credentialPage answers GET /ui/credentials/{id}: what the API's timeline
// answers, for investigators, as a page.
func (s *Server) credentialPage(w http.ResponseWriter, r *http.Request) {
	u := userOf(r)
	if !u.May(access.Investigate) {
		s.renderError(w, r, http.StatusForbidden, "", "This role may not query event history.")
		return
	}
	q := fromDatetimeLocal(r.URL.Query())
	f, err := parseTimeline(r.PathValue("id"), q, s.cfg.Now().UTC())
	var fe *fieldError
	if errors.As(err, &fe) {
		s.renderError(w, r, http.StatusBadRequest, fe.field, fe.reason)
		return
	}
	if err := s.record(r.Context(), r, "credential.timeline", "", "", f); err != nil {
		s.renderError(w, r, http.StatusServiceUnavailable, "", "The action log is unavailable.")
		return
	}
	t, err := s.credentialTimeline(r.Context(), f, u.TenantScope())
	if err != nil {
		s.cfg.Log.Error("timeline query", "err", err)
		s.renderError(w, r, http.StatusServiceUnavailable, "", "The event store is unavailable.")
		return
	}
	base := "/ui/credentials/" + url.PathEscape(f.Credential)
	rng := url.Values{"from": {f.From.Format(time.RFC3339)}, "to": {f.To.Format(time.RFC3339)}}
	if q.Get("limit") != "" {
		rng.Set("limit", q.Get("limit"))
	}
	v := credentialView{Timeline: t, From: f.From, To: f.To, Paged: f.Before > 0, NewerURL: base + "?" + rng.Encode()}
	if t.Next != "" {
		older := cloneValues(rng)
		older.Set("before", t.Next)
		v.OlderURL = base + "?" + older.Encode()
	}
	api := "/api/v1/credentials/" + url.PathEscape(f.Credential) + "/timeline?"
	v.ChartURL = api + url.Values{"from": rng["from"], "to": rng["to"], "limit": {"1"}}.Encode()
	page := cloneValues(rng)
	if f.Before > 0 {
		page.Set("before", q.Get("before"))
	}
	page.Set("format", "csv")
	v.CSVURL = api + page.Encode()
	v.Export = "/api/v1/events/export?" + url.Values{"from": rng["from"], "to": rng["to"], "format": {"csv"},
		"eq": {"token.id:" + f.Credential}}.Encode()
	s.render(w, r, http.StatusOK, "credential", "Credential "+f.Credential, v)
}

// findCredential answers GET /ui/credentials?id=…: the nav's search box,
// sent on to the credential's page.
func (s *Server) findCredential(w http.ResponseWriter, r *http.Request) {
	id := r.URL.Query().Get("id")
	if id == "" || len(id) > maxParamLen {
		s.renderError(w, r, http.StatusBadRequest, "id", "must be a credential id of at most 256 bytes")
		return
	}
	http.Redirect(w, r, "/ui/credentials/"+url.PathEscape(id), http.StatusSeeOther)
}
