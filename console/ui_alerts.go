package console

import (
	"errors"
	"net/http"
	"net/url"
	"time"
)

// alertsView is the alerts queue's data: the filter as asked, the alerts,
// and the links that re-sort them and poll for new ones.
type alertsView struct {
	Query        url.Values
	Alerts       []Alert
	Problem      *errorView // a bad filter: its parameter and why
	RowsURL      string     // the rows fragment with the same query, polled
	RefreshSec   int
	Severities   []string
	Statuses     []string            // the triage statuses to filter by
	CloseReasons []string            // the bulk close's reasons
	Sorts        map[string]sortLink // by sort key
	From, To     string              // the range as datetime-local values
}

// sortLink re-sorts the queue by one column: desc first, then flipping.
type sortLink struct {
	URL    string
	Active bool
	Desc   bool
}

// alertsPage answers GET /ui/alerts: the queue, filtered and sorted as the
// API's GET /api/v1/alerts (same parameters, same query).
func (s *Server) alertsPage(w http.ResponseWriter, r *http.Request) {
	v, code := s.alertQueue(w, r)
	if code != 0 {
		s.render(w, r, code, "alerts", "Alerts", v)
	}
}

// alertRows answers GET /ui/alerts/rows: the queue's rows alone, which the
// page polls so that new alerts appear without a reload.
func (s *Server) alertRows(w http.ResponseWriter, r *http.Request) {
	v, code := s.alertQueue(w, r)
	if code != 0 {
		s.renderFragment(w, code, "alerts", "alert_rows", alertRowsData{View: v, User: userOf(r)})
	}
}

// alertQueue reads the queue for r, or answers an error page itself (code 0).
func (s *Server) alertQueue(w http.ResponseWriter, r *http.Request) (alertsView, int) {
	u, now := userOf(r), s.cfg.Now().UTC()
	q := fromDatetimeLocal(r.URL.Query())
	v := alertsView{Query: q, Alerts: []Alert{}, Severities: severities, Statuses: triageStatuses, CloseReasons: closeReasons, RefreshSec: int(s.cfg.AlertsRefresh / time.Second),
		RowsURL: "/ui/alerts/rows?" + q.Encode(), From: datetimeLocal(q.Get("from")), To: datetimeLocal(q.Get("to"))}
	v.RefreshSec = max(v.RefreshSec, 1)
	f, err := parseAlertFilter(q, now)
	v.Sorts = sortLinks(q, f)
	var fe *fieldError
	if errors.As(err, &fe) {
		v.Problem = &errorView{Code: http.StatusBadRequest, Field: fe.field, Message: fe.reason}
		return v, http.StatusBadRequest
	}
	if f.Tenant != "" && !u.SeesTenant(f.Tenant) {
		return v, http.StatusOK // as empty as a tenant with no alerts
	}
	if err := s.record(r.Context(), r, "alerts.list", f.Tenant, "", f); err != nil {
		s.renderError(w, r, http.StatusServiceUnavailable, "", "The action log is unavailable.")
		return v, 0
	}
	if v.Alerts, err = s.alerts(r.Context(), f, u.TenantScope()); err != nil {
		s.cfg.Log.Error("alerts query", "err", err)
		s.renderError(w, r, http.StatusServiceUnavailable, "", "The alert store is unavailable.")
		return v, 0
	}
	return v, http.StatusOK
}

// sortLinks are the queue's column sorts: the current one flips its order.
func sortLinks(q url.Values, f alertFilter) map[string]sortLink {
	out := map[string]sortLink{}
	for key := range alertSorts {
		l := sortLink{Active: f.Sort == key, Desc: f.Desc}
		next := cloneValues(q)
		next.Set("sort", key)
		next.Set("order", "desc")
		if l.Active && f.Desc {
			next.Set("order", "asc")
		}
		l.URL = "/ui/alerts?" + next.Encode()
		out[key] = l
	}
	return out
}

// cloneValues is q without its empty values.
func cloneValues(q url.Values) url.Values {
	out := url.Values{}
	for k, vs := range q {
		for _, v := range vs {
			if v != "" {
				out.Add(k, v)
			}
		}
	}
	return out
}

// datetimeLocalLayout is what an <input type=datetime-local> sends.
const datetimeLocalLayout = "2006-01-02T15:04"

// fromDatetimeLocal is q with from and to given as datetime-local values
// (taken as UTC) turned into RFC 3339, and empty values dropped.
func fromDatetimeLocal(q url.Values) url.Values {
	out := cloneValues(q)
	for _, key := range []string{"from", "to"} {
		for _, layout := range []string{datetimeLocalLayout, datetimeLocalLayout + ":05"} {
			if t, err := time.Parse(layout, out.Get(key)); err == nil {
				out.Set(key, t.UTC().Format(time.RFC3339))
			}
		}
	}
	return out
}

// datetimeLocal is an RFC 3339 time as a datetime-local value (UTC), or "".
func datetimeLocal(v string) string {
	t, err := time.Parse(time.RFC3339, v)
	if err != nil {
		return ""
	}
	return t.UTC().Format(datetimeLocalLayout + ":05")
}
