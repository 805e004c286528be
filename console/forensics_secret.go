package console

import (
	"net/http"
	"time"

	"github.com/credwatch/credwatch/console/access"
)

// SecretHistory is GET /api/v1/secrets/history's answer: who accessed a
// secret, from which workload, build and network, one page newest first,
// and per reader over the whole range.
type SecretHistory struct {
	Secret  string         `json:"secret"`
	From    time.Time      `json:"from"`
	To      time.Time      `json:"to"`
	Events  []SecretAccess `json:"events"`
	Next    string         `json:"next,omitempty"` // the before= of the next page
	Readers []SecretReader `json:"readers"`
}

// SecretAccess is one event on the secret.
type SecretAccess struct {
	Time      time.Time `json:"time"`
	TimeMS    uint64    `json:"time_ms"`
	ID        string    `json:"id"`
	Tenant    string    `json:"tenant"`
	Action    string    `json:"action"`
	Outcome   string    `json:"outcome"`
	Actor     string    `json:"actor"`
	ActorType string    `json:"actor_type"`
	Token     string    `json:"token"`
	Workload  string    `json:"workload"`
	Build     string    `json:"build"`
	Phase     string    `json:"phase"`
	IP        string    `json:"source_ip"`
	ASN       uint32    `json:"source_asn"`
	Country   string    `json:"source_country"`
	UserAgent string    `json:"source_user_agent"`
	Internal  bool      `json:"source_internal"`
}

// secretFilter is the secret history's request, validated.
type secretFilter struct {
	Secret string
	historyWindow
}

var secretParams = []string{"secret", "tenant", "from", "to", "limit", "before"}

func parseSecretFilter(raw string, now time.Time) (f secretFilter, err error) {
	q, err := strictQuery(raw, secretParams)
	if err != nil {
		return f, err
	}
	if f.Secret, err = textParam(q, "secret", true); err != nil {
		return f, err
	}
	err = f.historyWindow.parse(q, now)
	return f, err
}

// secretHistory answers GET /api/v1/secrets/history (investigators): a
// tenant out of scope is answered as one where the secret was never read.
func (s *Server) secretHistory(w http.ResponseWriter, r *http.Request) {
	u := userOf(r)
	if !u.May(access.Investigate) {
		writeError(w, http.StatusForbidden, "", "this role may not query event history")
		return
	}
	f, err := parseSecretFilter(r.URL.RawQuery, s.cfg.Now().UTC())
	if badQuery(w, err) || !s.audited(w, r, "secret.history", f.Tenant, f) {
		return
	}
	out := SecretHistory{Secret: f.Secret, From: f.From, To: f.To, Events: []SecretAccess{}, Readers: []SecretReader{}}
	if f.Tenant == "" || u.SeesTenant(f.Tenant) {
		if out, err = s.loadSecretHistory(r.Context(), f, u.TenantScope()); err != nil {
			s.cfg.Log.Error("secret history query", "err", err)
			writeError(w, http.StatusServiceUnavailable, "", "the event store is unavailable")
			return
		}
	}
	writeJSON(w, http.StatusOK, out)
}
