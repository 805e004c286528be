package console

import (
	"fmt"
	"net/http"
	"time"
	"unicode/utf8"

	"github.com/credwatch/credwatch/console/access"
	"github.com/credwatch/credwatch/event"
)

// ActorActivity is GET /api/v1/actors/{id}/activity's answer: one page of
// the actor's events, newest first, and over the whole range its events
// counted by action, credential, network and tenant.
type ActorActivity struct {
	Actor        string        `json:"actor"`
	From         time.Time     `json:"from"`
	To           time.Time     `json:"to"`
	Total        uint64        `json:"total"` // events in the range
	Events       []event.Event `json:"events"`
	Next         string        `json:"next,omitempty"` // the before= of the next page
	ByAction     []Count       `json:"by_action"`
	ByCredential []Count       `json:"by_credential"` // the token, else the secret, each event names
	ByNetwork    []NetworkUse  `json:"by_network"`
	ByTenant     []Count       `json:"by_tenant"`
}

// Count is how many events had one value, and when the first and last were.
type Count struct {
	Value     string    `json:"value"`
	Events    uint64    `json:"events"`
	FirstSeen time.Time `json:"first_seen"`
	LastSeen  time.Time `json:"last_seen"`
}

// actorFilter is the actor activity's request, validated.
type actorFilter struct {
	Actor string
	historyWindow
}

var actorParams = []string{"tenant", "from", "to", "limit", "before"}

func parseActorFilter(id string, raw string, now time.Time) (f actorFilter, err error) {
	f.Actor = id
	if id == "" || len(id) > maxParamLen || !utf8.ValidString(id) {
		return f, &fieldError{"id", fmt.Sprintf("must be an actor id of 1 to %d bytes", maxParamLen)}
	}
	q, err := strictQuery(raw, actorParams)
	if err != nil {
		return f, err
	}
	err = f.historyWindow.parse(q, now)
	return f, err
}

// actorActivity answers GET /api/v1/actors/{id}/activity (investigators):
// the actor's events in the tenants in scope only.
func (s *Server) actorActivity(w http.ResponseWriter, r *http.Request) {
	u := userOf(r)
	if !u.May(access.Investigate) {
		writeError(w, http.StatusForbidden, "", "this role may not query event history")
		return
	}
	f, err := parseActorFilter(r.PathValue("id"), r.URL.RawQuery, s.cfg.Now().UTC())
	if badQuery(w, err) || !s.audited(w, r, "actor.activity", f.Tenant, f) {
		return
	}
	out := ActorActivity{Actor: f.Actor, From: f.From, To: f.To, Events: []event.Event{}, ByAction: []Count{},
		ByCredential: []Count{}, ByNetwork: []NetworkUse{}, ByTenant: []Count{}}
	if f.Tenant == "" || u.SeesTenant(f.Tenant) {
		if err = s.loadActorActivity(r.Context(), f, u.TenantScope(), &out); err != nil {
			s.cfg.Log.Error("actor activity query", "err", err)
			writeError(w, http.StatusServiceUnavailable, "", "the event store is unavailable")
			return
		}
	}
	writeJSON(w, http.StatusOK, out)
}
