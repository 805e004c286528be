package console

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"unicode/utf8"
)

// alertView is the alert page's data: what the alert's row holds, its
// explanation as facts, and links onwards. (The alert detail endpoint's
// evidence, related alerts and response add fields here and sections to
// alert.html.)
type alertView struct {
	Alert       alertRowData
	Explanation explanationView
	TimelineURL string // the credential's timeline page
	SameCredURL string // the queue filtered to the alert's credential
	SameActURL  string // the queue filtered to the alert's actor
}

// explanationView is an alert's explanation: why, in words and in facts.
type explanationView struct {
	Reason      string         `json:"reason"`
	Description string         `json:"description"`
	RuleFacts   map[string]any `json:"rule_facts"`
	Baseline    map[string]any `json:"baseline"`
}

// fact is one key and its value, for display.
type fact struct{ Key, Value string }

// Facts are m's entries sorted by key, values as JSON text.
func (explanationView) Facts(m map[string]any) []fact {
	out := make([]fact, 0, len(m))
	for k, v := range m {
		s, ok := v.(string)
		if !ok {
			b, _ := json.Marshal(v)
			s = string(b)
		}
		out = append(out, fact{k, s})
	}
	slices.SortFunc(out, func(a, b fact) int { return strings.Compare(a.Key, b.Key) })
	return out
}

// alertPage answers GET /ui/alerts/{tenant}/{id}: one alert, if its tenant is
// in the user's scope; otherwise exactly as an alert that does not exist.
func (s *Server) alertPage(w http.ResponseWriter, r *http.Request) {
	u, tenant, id := userOf(r), r.PathValue("tenant"), r.PathValue("id")
	for _, p := range []struct{ name, v string }{{"tenant", tenant}, {"id", id}} {
		if len(p.v) > maxParamLen || !utf8.ValidString(p.v) {
			s.renderError(w, r, http.StatusBadRequest, p.name, fmt.Sprintf("must be valid UTF-8 of at most %d bytes", maxParamLen))
			return
		}
	}
	if !u.SeesTenant(tenant) {
		s.renderError(w, r, http.StatusNotFound, "", "There is no such alert.")
		return
	}
	if err := s.record(r.Context(), r, "alert.view", tenant, "", map[string]string{"id": id}); err != nil {
		s.renderError(w, r, http.StatusServiceUnavailable, "", "The action log is unavailable.")
		return
	}
	a, err := s.alertByID(r.Context(), tenant, id, u.TenantScope())
	if errors.Is(err, errNoAlert) {
		s.renderError(w, r, http.StatusNotFound, "", "There is no such alert.")
		return
	}
	if err != nil {
		s.cfg.Log.Error("alert query", "err", err)
		s.renderError(w, r, http.StatusServiceUnavailable, "", "The alert store is unavailable.")
		return
	}
	v := alertView{Alert: a, TimelineURL: "/ui/credentials/" + url.PathEscape(a.Credential),
		SameCredURL: "/ui/alerts?" + url.Values{"credential": {a.Credential}}.Encode(),
		SameActURL:  "/ui/alerts?" + url.Values{"actor": {a.Actor}}.Encode()}
	if err := json.Unmarshal([]byte(a.Explanation), &v.Explanation); err != nil || v.Explanation.Reason == "" {
		v.Explanation.Reason = a.Reason // an explanation that is not JSON still has the row's reason
	}
	s.render(w, r, http.StatusOK, "alert", a.Title, v)
}
