package console

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/credwatch/credwatch/console/access"
)

// timelineFilter is GET /api/v1/credentials/{id}/timeline's query.
type timelineFilter struct {
	Credential string
	From, To   time.Time
	Limit      int
	Before     int64 // the page starts after this event (Unix ms, with BeforeID); 0: the newest
	BeforeID   string
	Format     string // json or csv (the page's events only)
}

var timelineParams = []string{"from", "to", "limit", "before", "format"}

// parseTimeline reads the credential id and q; now ends the default range.
func parseTimeline(id string, q url.Values, now time.Time) (timelineFilter, error) {
	f := timelineFilter{Credential: id, To: now, From: now.Add(-defaultRange), Limit: 500}
	if id == "" || len(id) > maxParamLen || !utf8.ValidString(id) {
		return f, &fieldError{"id", "must be a credential id of at most 256 bytes"}
	}
	if err := onlyParams(q, timelineParams); err != nil {
		return f, err
	}
	a := alertFilter{From: f.From, To: f.To}
	if err := a.parseRange(q); err != nil {
		return f, err
	}
	f.From, f.To = a.From, a.To
	if v := q.Get("limit"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > maxLimit {
			return f, &fieldError{"limit", "must be a whole number from 1 to 1000"}
		}
		f.Limit = n
	}
	if v := q.Get("before"); v != "" {
		ms, id, ok := strings.Cut(v, ":")
		n, err := strconv.ParseInt(ms, 10, 64)
		if !ok || err != nil || n <= 0 || len(id) > maxParamLen || !utf8.ValidString(id) {
			return f, &fieldError{"before", "must be the next value of the previous page"}
		}
		f.Before, f.BeforeID = n, id
	}
	switch f.Format = q.Get("format"); f.Format {
	case "":
		f.Format = "json"
	case "json", "csv":
	default:
		return f, &fieldError{"format", "must be json or csv"}
	}
	return f, nil
}

// timeline answers GET /api/v1/credentials/{id}/timeline: every use of a
// credential in the tenants the investigator may see, newest first, with
// its networks and uses per hour.
func (s *Server) timeline(w http.ResponseWriter, r *http.Request) {
	u := userOf(r)
	if !u.May(access.Investigate) {
		writeError(w, http.StatusForbidden, "", "this role may not query event history")
		return
	}
	f, err := parseTimeline(r.PathValue("id"), r.URL.Query(), s.cfg.Now().UTC())
	if badQuery(w, err) || !s.audited(w, r, "credential.timeline", "", f) {
		return
	}
	out, err := s.credentialTimeline(r.Context(), f, u.TenantScope())
	if err != nil {
		s.cfg.Log.Error("timeline query", "err", err)
		writeError(w, http.StatusServiceUnavailable, "", "the event store is unavailable")
		return
	}
	if f.Format == "csv" {
		s.writeTimelineCSV(w, out)
		return
	}
	writeJSON(w, http.StatusOK, out)
}
