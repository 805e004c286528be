package console

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"slices"
	"time"

	"github.com/credwatch/credwatch/respond"
)

// alertView is the alert page's data: what GET /api/v1/alerts/{tenant}/{id}
// answers, the alert's triage with its history, and links onwards.
type alertView struct {
	AlertDetail
	Triage        TriageView
	EvidenceIDs   map[string]bool // the ids of the evidence events, to mark them in the timeline
	Self          string          // the page, which its response section polls while a delivery is under way
	Polling       bool
	RefreshSec    int
	APIPath       string // /api/v1/alerts/{tenant}/{id}, which the triage forms post under
	TimelineURL   string // the credential's timeline page
	SameCredURL   string // the queue filtered to the alert's credential
	SameActURL    string // the queue filtered to the alert's actor
	CloseReasons  []string
	SuppressUntil string // a week from now, as a datetime-local value
}

// unfinished are the intent states a delivery is still to come from.
var unfinished = []string{respond.StateAuto, respond.StateApproved, respond.StateDelivering}

// alertPage answers GET /ui/alerts/{tenant}/{id}: the alert page of the
// API's GET /api/v1/alerts/{tenant}/{id} (same parameters, same queries)
// with its triage. An alert of a tenant out of scope answers as a missing one.
func (s *Server) alertPage(w http.ResponseWriter, r *http.Request) {
	u := userOf(r)
	p, err := parseAlertPage(r.PathValue("tenant"), r.PathValue("id"), r.URL.RawQuery)
	var fe *fieldError
	if errors.As(err, &fe) {
		s.renderError(w, r, http.StatusBadRequest, fe.field, fe.reason)
		return
	}
	if err := s.record(r.Context(), r, "alert.view", p.Tenant, "", p); err != nil {
		s.renderError(w, r, http.StatusServiceUnavailable, "", "The action log is unavailable.")
		return
	}
	if !u.SeesTenant(p.Tenant) {
		s.renderError(w, r, http.StatusNotFound, "", "There is no such alert.")
		return
	}
	v, found, err := s.alertViewOf(r.Context(), p, u.TenantScope())
	switch {
	case err != nil:
		s.cfg.Log.Error("alert page query", "err", err)
		s.renderError(w, r, http.StatusServiceUnavailable, "", "The alert store is unavailable.")
	case !found:
		s.renderError(w, r, http.StatusNotFound, "", "There is no such alert.")
	default:
		v.Self = r.URL.RequestURI()
		s.render(w, r, http.StatusOK, "alert", v.Alert.Title, v)
	}
}

// alertViewOf reads the alert page of p and the alert's triage.
func (s *Server) alertViewOf(ctx context.Context, p alertPage, scope []string) (alertView, bool, error) {
	d, found, err := s.loadAlertDetail(ctx, p, scope)
	if err != nil || !found {
		return alertView{}, found, err
	}
	ctx, cancel := context.WithTimeout(ctx, s.cfg.QueryTimeout)
	defer cancel()
	a := d.Alert
	v := alertView{AlertDetail: d, EvidenceIDs: map[string]bool{}, CloseReasons: closeReasons,
		RefreshSec:    max(int(s.cfg.AlertsRefresh/time.Second), 1),
		Triage:        TriageView{Tenant: a.Tenant, ID: a.ID, Status: a.Status, Assignee: a.Assignee},
		APIPath:       "/api/v1/alerts/" + url.PathEscape(a.Tenant) + "/" + url.PathEscape(a.ID),
		TimelineURL:   timelineAround(a.Credential, a.FirstSeen, d.Timeline.To, s.cfg.Now()),
		SameCredURL:   "/ui/alerts?" + url.Values{"credential": {a.Credential}, "tenant": {a.Tenant}}.Encode(),
		SameActURL:    "/ui/alerts?" + url.Values{"actor": {a.Actor}, "tenant": {a.Tenant}}.Encode(),
		SuppressUntil: s.cfg.Now().UTC().Add(7 * 24 * time.Hour).Format(datetimeLocalLayout)}
	for _, e := range d.Evidence.Events {
		v.EvidenceIDs[e.ID] = true
	}
	for _, in := range d.Response {
		v.Polling = v.Polling || slices.Contains(unfinished, in.State)
	}
	if v.Triage.History, err = s.triageHistory(ctx, a.Tenant, a.ID); err != nil {
		return v, true, err
	}
	if n := len(v.Triage.History); n > 0 {
		v.Triage.CloseReason = v.Triage.History[n-1].CloseReason
	}
	return v, true, nil
}

// timelineAround is the credential's timeline page from a week before the
// alert's first event to the end of the alert page's span (or now).
func timelineAround(credential string, first, end, now time.Time) string {
	if end.After(now) {
		end = now
	}
	rng := url.Values{"from": {first.Add(-defaultRange).UTC().Format(time.RFC3339)}, "to": {end.UTC().Format(time.RFC3339)}}
	return "/ui/credentials/" + url.PathEscape(credential) + "?" + rng.Encode()
}
