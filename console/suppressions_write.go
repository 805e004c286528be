package console

import (
	"context"
	"fmt"
	"net/http"
	"regexp"
	"strings"
	"time"

	"github.com/credwatch/credwatch/console/access"
	"github.com/credwatch/credwatch/detect"
	"github.com/credwatch/credwatch/detect/suppressions"
)

// suppressionRequest is POST /api/v1/suppressions's body.
type suppressionRequest struct {
	Rule       string `json:"rule"`
	Credential string `json:"credential"`
	Actor      string `json:"actor"`
	Tenant     string `json:"tenant"`
	ASN        uint32 `json:"asn"`
	Reason     string `json:"reason"`
	Expires    string `json:"expires"` // RFC 3339
}

// maxSuppressionLife bounds how far ahead a suppression may expire.
const maxSuppressionLife = 90 * 24 * time.Hour

var ruleID = regexp.MustCompile(`^(\*|[a-z0-9][a-z0-9_.-]{0,127})$`)

// suppression is req as the user's suppression made at now, or the first
// bad field.
func (req suppressionRequest) suppression(u access.User, now time.Time) (detect.Suppression, error) {
	sup := detect.Suppression{ID: newID("sup_"), Rule: req.Rule, Credential: req.Credential, Actor: req.Actor,
		Tenant: req.Tenant, ASN: req.ASN, Owner: u.Name, Reason: req.Reason}
	if !ruleID.MatchString(req.Rule) {
		return sup, &fieldError{"rule", `must be a rule id or "*"`}
	}
	for _, f := range []struct{ name, v string }{{"credential", req.Credential}, {"actor", req.Actor}, {"tenant", req.Tenant}} {
		if err := checkText(f.name, f.v, maxParamLen, false); err != nil || strings.ContainsAny(f.v, "\n\t") {
			return sup, &fieldError{f.name, "must be an id of at most 256 bytes"}
		}
	}
	if req.Tenant == "" && u.TenantScope() != nil || !u.SeesTenant(req.Tenant) {
		return sup, &fieldError{"tenant", "must be one of your tenants"}
	}
	if err := checkText("reason", req.Reason, 1024, true); err != nil {
		return sup, err
	}
	expires, err := time.Parse(time.RFC3339, req.Expires)
	sup.Expires = expires.UTC().Truncate(time.Second)
	if err != nil || !sup.Expires.After(now) || sup.Expires.Sub(now) > maxSuppressionLife {
		return sup, &fieldError{"expires", fmt.Sprintf("must be an RFC 3339 time after now and at most %s ahead", maxSuppressionLife)}
	}
	if err := sup.Validate(); err != nil {
		return sup, &fieldError{"rule", `"*" needs a scope: credential, actor, tenant or asn`}
	}
	return sup, nil
}

// addSuppression answers POST /api/v1/suppressions: live detection honours
// it within its poll interval.
func (s *Server) addSuppression(w http.ResponseWriter, r *http.Request) {
	u := userOf(r)
	if !u.May(access.Triage) {
		writeError(w, http.StatusForbidden, "", "this role may not manage suppressions")
		return
	}
	var req suppressionRequest
	if badQuery(w, decodeBody(w, r, &req, false)) {
		return
	}
	now := s.cfg.Now().UTC().Truncate(time.Second)
	sup, err := req.suppression(u, now)
	if badQuery(w, err) || !s.audited(w, r, "suppression.add", sup.Tenant, sup) {
		return
	}
	ctx, cancel := context.WithTimeout(r.Context(), s.cfg.QueryTimeout)
	defer cancel()
	rec := suppressions.Record{Suppression: sup, CreatedBy: u.Name, Created: now, At: now, Version: 1}
	if err := s.work.suppressions.Add(ctx, rec); err != nil {
		s.cfg.Log.Error("suppressions", "err", err)
		writeError(w, http.StatusServiceUnavailable, "", "the suppression store is unavailable")
		return
	}
	writeJSON(w, http.StatusCreated, rec)
}
