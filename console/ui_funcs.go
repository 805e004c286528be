package console

import (
	"encoding/json"
	"html/template"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/credwatch/credwatch/console/access"
)

// permissions are the names templates use with "may".
var permissions = map[string]access.Permission{"read": access.ReadAlerts, "triage": access.Triage,
	"investigate": access.Investigate, "administer": access.Administer}

var viewFuncs = template.FuncMap{
	"when": func(t time.Time) string { return t.UTC().Format("2006-01-02 15:04:05") },
	"scope": func(u access.User) string {
		if len(u.Tenants) == 0 {
			return "all tenants"
		}
		return strings.Join(u.Tenants, ", ")
	},
	"may": func(u access.User, p string) bool {
		perm, ok := permissions[p]
		return ok && u.May(perm)
	},
	"list":       func(s ...string) []string { return s },
	"sortHeader": func(l sortLink, label string) sortHeader { return sortHeader{Link: l, Label: label} },
	"rowsOf":     func(v alertsView, u access.User) alertRowsData { return alertRowsData{View: v, User: u} },
	"alertURL":   func(a Alert) string { return "/ui/alerts/" + url.PathEscape(a.Tenant) + "/" + url.PathEscape(a.ID) },
	"pathEscape": url.PathEscape,
	"fnum":       formatNumber,
	"jsonText":   jsonText,
	"intentOf":   func(in any, u access.User) intentData { return intentData{Intent: in, User: u} },
	"source":     sourceText,
	"resource":   func(s string) string { return strings.TrimSuffix(s, ":") }, // type:id, "" for neither
	"countsOf": func(title, id string, counts []Count, link string) countsData {
		return countsData{Title: title, ID: id, Counts: counts, Link: link}
	},
}

// countsData is one table of an actor's counts: its title and element id,
// the counts, and the page each value links to (its value appended), if any.
type countsData struct {
	Title, ID string
	Counts    []Count
	Link      string
}

// intentData is what the intent template draws: an IntentRecord or a
// Response, and the user (who may answer a proposal).
type intentData struct {
	Intent any
	User   access.User
}

// formatNumber is a fact's number, or "" when it has none.
func formatNumber(f *float64) string {
	if f == nil {
		return ""
	}
	return strconv.FormatFloat(*f, 'g', -1, 64)
}

// jsonText is v as text: a string as it is, anything else as JSON.
func jsonText(v any) string {
	if s, ok := v.(string); ok {
		return s
	}
	b, _ := json.Marshal(v)
	return string(b)
}

// sortHeader is a sortable column's header.
type sortHeader struct {
	Link  sortLink
	Label string
}

// alertRowsData is what the queue's rows are drawn from.
type alertRowsData struct {
	View alertsView
	User access.User
}

// sourceText is where an event came from as "ip · ASn · country", without
// the parts it has none of ("" for an event of the platform's own).
func sourceText(ip string, asn uint32, country string) string {
	var parts []string
	if ip != "" {
		parts = append(parts, ip)
	}
	if asn != 0 {
		parts = append(parts, "AS"+strconv.FormatUint(uint64(asn), 10))
	}
	if country != "" {
		parts = append(parts, country)
	}
	return strings.Join(parts, " · ")
}
