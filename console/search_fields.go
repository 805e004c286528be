package console

import (
	"strconv"
	"strings"

	"github.com/credwatch/credwatch/event"
)

// fieldKind is how a searchable field is stored, and so which conditions
// it takes.
type fieldKind int

const (
	kindText   fieldKind = iota // String: equality and prefix
	kindArray                   // Array(String): an element equal to, or starting with, the value
	kindNumber                  // UInt32: equality with a whole number
	kindFlag                    // UInt8 0/1: equality with true or false
)

// searchField is one event field a search may filter on: its API name
// (the event contract's dotted path), its column and how a CSV shows it.
type searchField struct {
	name, column string
	kind         fieldKind
	get          func(*event.Event) string
}

// searchFields are the only fields (and so the only columns) a search
// filters on, in the CSV's column order. Left out: time (the from/to
// range), token.created_at and source.lat/lon (no use for equality), raw
// (never served). attrs.<key> is handled apart.
var searchFields = []searchField{
	{"id", "id", kindText, func(e *event.Event) string { return e.ID }},
	{"action", "action", kindText, func(e *event.Event) string { return e.Action }},
	{"outcome", "outcome", kindText, func(e *event.Event) string { return e.Outcome }},
	{"tenant", "tenant", kindText, func(e *event.Event) string { return e.Tenant }},
	{"actor.id", "actor_id", kindText, func(e *event.Event) string { return e.Actor.ID }},
	{"actor.type", "actor_type", kindText, func(e *event.Event) string { return e.Actor.Type }},
	{"actor.tenants", "actor_tenants", kindArray, func(e *event.Event) string { return strings.Join(e.Actor.Tenants, ";") }},
	{"token.id", "token_id", kindText, func(e *event.Event) string { return e.Token.ID }},
	{"token.kind", "token_kind", kindText, func(e *event.Event) string { return e.Token.Kind }},
	{"token.scopes", "token_scopes", kindArray, func(e *event.Event) string { return strings.Join(e.Token.Scopes, ";") }},
	{"token.owner", "token_owner", kindText, func(e *event.Event) string { return e.Token.Owner }},
	{"token.tenant", "token_tenant", kindText, func(e *event.Event) string { return e.Token.Tenant }},
	{"token.workload", "token_workload", kindText, func(e *event.Event) string { return e.Token.Workload }},
	{"secret.id", "secret_id", kindText, func(e *event.Event) string { return e.Secret.ID }},
	{"secret.name", "secret_name", kindText, func(e *event.Event) string { return e.Secret.Name }},
	{"secret.tenant", "secret_tenant", kindText, func(e *event.Event) string { return e.Secret.Tenant }},
	{"secret.workload", "secret_workload", kindText, func(e *event.Event) string { return e.Secret.Workload }},
	{"resource.type", "resource_type", kindText, func(e *event.Event) string { return e.Resource.Type }},
	{"resource.id", "resource_id", kindText, func(e *event.Event) string { return e.Resource.ID }},
	{"resource.visibility", "resource_visibility", kindText, func(e *event.Event) string { return e.Resource.Visibility }},
	{"source.ip", "source_ip", kindText, func(e *event.Event) string { return e.Source.IP }},
	{"source.asn", "source_asn", kindNumber, func(e *event.Event) string { return strconv.FormatUint(uint64(e.Source.ASN), 10) }},
	{"source.as_org", "source_as_org", kindText, func(e *event.Event) string { return e.Source.ASOrg }},
	{"source.country", "source_country", kindText, func(e *event.Event) string { return e.Source.Country }},
	{"source.user_agent", "source_user_agent", kindText, func(e *event.Event) string { return e.Source.UserAgent }},
	{"source.internal", "source_internal", kindFlag, func(e *event.Event) string { return strconv.FormatBool(e.Source.Internal) }},
	{"workload.id", "workload_id", kindText, func(e *event.Event) string { return e.Workload.ID }},
	{"workload.build_id", "workload_build_id", kindText, func(e *event.Event) string { return e.Workload.BuildID }},
	{"workload.phase", "workload_phase", kindText, func(e *event.Event) string { return e.Workload.Phase }},
	{"session_id", "session_id", kindText, func(e *event.Event) string { return e.SessionID }},
	{"request_id", "request_id", kindText, func(e *event.Event) string { return e.RequestID }},
	{"format", "format", kindText, func(e *event.Event) string { return e.Format }},
	{"redactions", "redactions", kindArray, func(e *event.Event) string { return strings.Join(e.Redactions, ";") }},
	{"warnings", "warnings", kindArray, func(e *event.Event) string { return strings.Join(e.Warnings, ";") }},
}

// attrsPrefix names an attribute field: attrs.<key>, the key a bound value.
const attrsPrefix = "attrs."

// lookupField is the allow-listed field called name; an attrs.<key> field
// is a text field over the attributes.
func lookupField(name string) (searchField, bool) {
	for _, f := range searchFields {
		if f.name == name {
			return f, true
		}
	}
	if key, ok := strings.CutPrefix(name, attrsPrefix); ok && key != "" && len(key) <= 128 {
		return searchField{name: name, column: "", kind: kindText}, true
	}
	return searchField{}, false
}
