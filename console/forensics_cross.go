package console

import (
	"net/http"
	"time"

	"github.com/credwatch/credwatch/console/access"
)

// CrossAccess is GET /api/v1/tenants/cross-access's answer: which tenants'
// credentials touched which tenants' resources in the range.
//
// The rule for a scoped user: a pair is listed only when both of its
// tenants are in the user's scope. A pair with one side out of scope is
// left out entirely (neither its tenant's name nor a count of it is shown,
// not even as "other"), so that the answer is the same whether or not
// another tenant's credentials touched, or were touched in, a tenant in
// scope. An unscoped user (an admin) sees every pair.
type CrossAccess struct {
	From  time.Time   `json:"from"`
	To    time.Time   `json:"to"`
	Pairs []CrossPair `json:"pairs"`
}

// CrossPair is the events in which credentials of one tenant acted on what
// another tenant owns. The credential's tenant is its token's, else its
// secret's (as the cross_tenant_private rule reads it).
type CrossPair struct {
	CredentialTenant string    `json:"credential_tenant"`
	ResourceTenant   string    `json:"resource_tenant"`
	Events           uint64    `json:"events"`
	Failures         uint64    `json:"failures"` // events whose outcome is not success
	Private          uint64    `json:"private"`  // events on private resources
	Actors           uint64    `json:"actors"`
	CredentialCount  uint64    `json:"credential_count"`
	Credentials      []string  `json:"credentials"` // the first 20 in order
	FirstSeen        time.Time `json:"first_seen"`
	LastSeen         time.Time `json:"last_seen"`
}

// crossFilter is the cross-access request, validated.
type crossFilter struct {
	Tenant   string // either side of the pair
	From, To time.Time
	Limit    int
}

var crossParams = []string{"tenant", "from", "to", "limit"}

func parseCrossFilter(raw string, now time.Time) (f crossFilter, err error) {
	q, err := strictQuery(raw, crossParams)
	if err != nil {
		return f, err
	}
	if f.Tenant, err = textParam(q, "tenant", false); err != nil {
		return f, err
	}
	if f.From, f.To, err = parseRange(q, now, false); err != nil {
		return f, err
	}
	f.Limit, err = parseLimit(q, 100, maxLimit)
	return f, err
}

// crossAccess answers GET /api/v1/tenants/cross-access (investigators).
func (s *Server) crossAccess(w http.ResponseWriter, r *http.Request) {
	u := userOf(r)
	if !u.May(access.Investigate) {
		writeError(w, http.StatusForbidden, "", "this role may not query event history")
		return
	}
	f, err := parseCrossFilter(r.URL.RawQuery, s.cfg.Now().UTC())
	if badQuery(w, err) || !s.audited(w, r, "tenants.cross_access", f.Tenant, f) {
		return
	}
	out := CrossAccess{From: f.From, To: f.To, Pairs: []CrossPair{}}
	if f.Tenant == "" || u.SeesTenant(f.Tenant) {
		if out.Pairs, err = s.crossPairs(r.Context(), f, u.TenantScope()); err != nil {
			s.cfg.Log.Error("cross-access query", "err", err)
			writeError(w, http.StatusServiceUnavailable, "", "the event store is unavailable")
			return
		}
	}
	writeJSON(w, http.StatusOK, out)
}
