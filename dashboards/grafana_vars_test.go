package dashboards_test

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
)

// allValue is what Grafana holds for a variable set to All.
const allValue = "$__all"

// vars are template variables' current values as Grafana holds them.
type vars map[string]string

// grafanaVar is Grafana's template variable syntax (templateSrv): $name,
// [[name:format]] or ${name.fieldPath:format}.
var grafanaVar = regexp.MustCompile(`\$(\w+)|\[\[(\w+?)(?::(\w+))?\]\]|\$\{(\w+)(?:\.([^:^\}]+))?(?::([^\}]+))?\}`)

// interpolateSQL is what the ClickHouse plugin's applyTemplateVariables does
// to rawSql before it goes to the backend: $__conditionalAll first, then
// Grafana's replace with the plugin's default format.
func interpolateSQL(t testing.TB, raw string, v vars) string {
	t.Helper()
	return replaceVars(t, conditionalAll(t, raw, v), v, nil, "")
}

// replaceVars is templateSrv.replace: variables known in v (or fields of
// the row, ${__data.fields.name}) are formatted, others are left as they
// are. format is the caller's default format ("" for the data source's).
func replaceVars(t testing.TB, s string, v vars, row map[string]string, format string) string {
	t.Helper()
	return grafanaVar.ReplaceAllStringFunc(s, func(m string) string {
		g := grafanaVar.FindStringSubmatch(m)
		name, path, fmtID := g[1]+g[2]+g[4], g[5], g[3]+g[6]
		if fmtID == "" {
			fmtID = format
		}
		value, ok := v[name]
		switch {
		case name == "__data" && strings.HasPrefix(path, "fields."):
			value, ok = row[strings.TrimPrefix(path, "fields.")]
			if !ok {
				t.Fatalf("%s names no column of the row", m)
			}
		case name == "__url_time_range":
			value, ok = "from=now-24h&to=now", true
		case !ok:
			return m
		case value == allValue:
			t.Fatalf("%s is All outside $__conditionalAll: Grafana would send every value", m)
		}
		return formatValue(t, value, fmtID)
	})
}

// formatValue formats one value as Grafana's format registry does, for
// the formats the dashboards use.
func formatValue(t testing.TB, value, format string) string {
	t.Helper()
	switch format {
	case "", "raw": // the ClickHouse plugin's format leaves a single value as it is
		return value
	case "percentencode":
		return encodeURIComponentStrict(value)
	case "uriencode": // data links' default: encodeURI, strict
		return encodeURIStrict(value)
	}
	t.Fatalf("format %q is not one the tests know how Grafana applies", format)
	return ""
}

// encodeURIComponentStrict is JavaScript's encodeURIComponent that also
// encodes !'()* (RFC 3986 unreserved characters are kept).
func encodeURIComponentStrict(s string) string { return percentEncode(s, "") }

// encodeURIStrict is encodeURI that also encodes !'()*: reserved URI
// characters are kept.
func encodeURIStrict(s string) string { return percentEncode(s, ";,/?:@&=+$#") }

// percentEncode escapes every byte but RFC 3986's unreserved characters
// and keep as %XX.
func percentEncode(s, keep string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || strings.IndexByte("-_.~"+keep, c) >= 0 {
			b.WriteByte(c)
			continue
		}
		fmt.Fprintf(&b, "%%%02X", c)
	}
	return b.String()
}
