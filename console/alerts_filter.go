package console

import (
	"fmt"
	"net/url"
	"slices"
	"strconv"
	"time"
	"unicode/utf8"
)

// alertFilter is GET /api/v1/alerts's query, validated.
type alertFilter struct {
	Tenant, Rule, Severity, Credential, Actor string
	From, To                                  time.Time
	Sort                                      string // a key of alertSorts
	Desc                                      bool
	Limit                                     int
	Status                                    []string // triage statuses; none: all
}

// Bounds of every alert query.
const (
	maxAlertRange = 90 * 24 * time.Hour
	defaultRange  = 7 * 24 * time.Hour
	maxLimit      = 1000
	maxParamLen   = 256
)

var severities = []string{"info", "low", "medium", "high", "critical"}

// fieldError is a bad query parameter: its name and why.
type fieldError struct{ field, reason string }

func (e *fieldError) Error() string { return e.field + ": " + e.reason }

// parseAlertFilter reads q; now ends the default time range.
func parseAlertFilter(q url.Values, now time.Time) (alertFilter, error) {
	f := alertFilter{To: now, From: now.Add(-defaultRange), Sort: "last_seen", Desc: true, Limit: 100}
	if err := onlyParams(q, alertParams); err != nil {
		return f, err
	}
	for _, p := range []struct {
		key string
		dst *string
	}{{"tenant", &f.Tenant}, {"rule", &f.Rule}, {"severity", &f.Severity}, {"credential", &f.Credential}, {"actor", &f.Actor}} {
		v := q.Get(p.key)
		if len(v) > maxParamLen || !utf8.ValidString(v) {
			return f, &fieldError{p.key, fmt.Sprintf("must be valid UTF-8 of at most %d bytes", maxParamLen)}
		}
		*p.dst = v
	}
	if f.Severity != "" && !slices.Contains(severities, f.Severity) {
		return f, &fieldError{"severity", fmt.Sprintf("must be one of %v", severities)}
	}
	if err := f.parseRange(q); err != nil {
		return f, err
	}
	var err error
	if f.Status, err = parseStatus(q); err != nil {
		return f, err
	}
	return f, f.parsePage(q)
}

// onlyParams refuses a query with a parameter not in known.
func onlyParams(q url.Values, known []string) error {
	for key := range q {
		if !slices.Contains(known, key) {
			return &fieldError{key, "is not a parameter of this endpoint"}
		}
	}
	return nil
}

var alertParams = []string{"tenant", "rule", "severity", "credential", "actor", "from", "to", "sort", "order", "limit", "status"}

func (f *alertFilter) parseRange(q url.Values) error {
	for _, p := range []struct {
		key string
		dst *time.Time
	}{{"from", &f.From}, {"to", &f.To}} {
		if v := q.Get(p.key); v != "" {
			t, err := time.Parse(time.RFC3339, v)
			if err != nil {
				return &fieldError{p.key, "must be an RFC 3339 time"}
			}
			*p.dst = t.UTC()
		}
	}
	if !f.From.Before(f.To) || f.To.Sub(f.From) > maxAlertRange {
		return &fieldError{"from", fmt.Sprintf("the range must be positive and at most %s", maxAlertRange)}
	}
	return nil
}

func (f *alertFilter) parsePage(q url.Values) error {
	if v := q.Get("sort"); v != "" {
		if _, ok := alertSorts[v]; !ok {
			return &fieldError{"sort", "must be one of last_seen, first_seen, severity, count"}
		}
		f.Sort = v
	}
	switch q.Get("order") {
	case "", "desc":
	case "asc":
		f.Desc = false
	default:
		return &fieldError{"order", "must be asc or desc"}
	}
	if v := q.Get("limit"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > maxLimit {
			return &fieldError{"limit", fmt.Sprintf("must be a whole number from 1 to %d", maxLimit)}
		}
		f.Limit = n
	}
	return nil
}
