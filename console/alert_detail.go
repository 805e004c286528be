package console

import (
	"fmt"
	"net/http"
	"time"
	"unicode/utf8"

	"github.com/credwatch/credwatch/console/access"
)

// AlertDetail is GET /api/v1/alerts/{tenant}/{id}'s answer: the alert, why
// it was raised, its evidence, the credential's events around it, the
// alerts related to it and what was done about it.
type AlertDetail struct {
	Alert       AlertRecord    `json:"alert"`
	Explanation Explained      `json:"explanation"`
	Evidence    Evidence       `json:"evidence"`
	Timeline    AlertTimeline  `json:"timeline"`
	Related     []Alert        `json:"related"`
	Response    []IntentRecord `json:"response"`
}

// AlertRecord is the alert at its newest revision, with what the list
// leaves out.
type AlertRecord struct {
	Alert
	Suppression   *SuppressionRecord `json:"suppression,omitempty"`
	EvidenceCount uint32             `json:"evidence_count"`
	UpdatedAt     time.Time          `json:"updated_at"`
}

// SuppressionRecord is the suppression that matched a suppressed alert.
type SuppressionRecord struct {
	ID     string `json:"id"`
	Owner  string `json:"owner"`
	Reason string `json:"reason"`
}

// Bounds of the alert page.
const (
	defaultAround   = 6 * time.Hour
	maxAround       = 72 * time.Hour
	maxEvidenceRows = 200
	maxRelated      = 50
	maxIntents      = 50
)

var alertDetailParams = []string{"around", "limit"}

// alertPage is the alert page's request, validated.
type alertPage struct {
	Tenant, ID string
	Around     time.Duration // the timeline spans first_seen-Around to last_seen+Around
	Limit      int           // timeline events at most
}

func parseAlertPage(tenant, id, raw string) (alertPage, error) {
	p := alertPage{Tenant: tenant, ID: id, Around: defaultAround, Limit: 500}
	for _, v := range []struct{ key, val string }{{"tenant", tenant}, {"id", id}} {
		if v.val == "" || len(v.val) > maxParamLen || !utf8.ValidString(v.val) {
			return p, &fieldError{v.key, fmt.Sprintf("must be valid UTF-8 of 1 to %d bytes", maxParamLen)}
		}
	}
	q, err := strictQuery(raw, alertDetailParams)
	if err != nil {
		return p, err
	}
	if v := q.Get("around"); v != "" {
		d, err := time.ParseDuration(v)
		if err != nil || d < time.Minute || d > maxAround {
			return p, &fieldError{"around", "must be a duration from 1m to 72h (e.g. 6h, 90m)"}
		}
		p.Around = d
	}
	p.Limit, err = parseLimit(q, p.Limit, maxLimit)
	return p, err
}

// alertDetail answers GET /api/v1/alerts/{tenant}/{id}. An alert of a
// tenant out of the user's scope is answered exactly as a missing one.
func (s *Server) alertDetail(w http.ResponseWriter, r *http.Request) {
	u := userOf(r)
	if !u.May(access.ReadAlerts) {
		writeError(w, http.StatusForbidden, "", "this role may not read alerts")
		return
	}
	p, err := parseAlertPage(r.PathValue("tenant"), r.PathValue("id"), r.URL.RawQuery)
	if badQuery(w, err) || !s.audited(w, r, "alert.view", p.Tenant, p) {
		return
	}
	if !u.SeesTenant(p.Tenant) {
		writeError(w, http.StatusNotFound, "", "no such alert")
		return
	}
	d, found, err := s.loadAlertDetail(r.Context(), p, u.TenantScope())
	switch {
	case err != nil:
		s.cfg.Log.Error("alert detail query", "err", err)
		writeError(w, http.StatusServiceUnavailable, "", "the alert store is unavailable")
	case !found:
		writeError(w, http.StatusNotFound, "", "no such alert")
	default:
		writeJSON(w, http.StatusOK, d)
	}
}
