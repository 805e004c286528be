package detect

import (
	"time"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/credwatch/credwatch/event"
	"github.com/credwatch/credwatch/internal/regoterm"
)

// toInput builds {"event": ..., "context": ...} directly as an AST value,
// exactly as the contract JSON would parse (omitted fields absent, nil lists
// null), without a JSON round trip. TestASTInputMatchesJSON holds it to that.
func toInput(ev *event.Event, f *Facts) ast.Value {
	return ast.NewObject(
		ast.Item(ast.StringTerm("event"), ast.NewTerm(eventValue(ev))),
		ast.Item(ast.StringTerm("context"), ast.NewTerm(factsValue(f))),
	)
}

// fields accumulates an object's items, skipping empty optional ones.
type fields []([2]*ast.Term)

func (o *fields) put(k string, v *ast.Term) { *o = append(*o, ast.Item(ast.StringTerm(k), v)) }

func (o *fields) str(k, v string) { o.put(k, ast.StringTerm(v)) }

func (o *fields) optStr(k, v string) {
	if v != "" {
		o.str(k, v)
	}
}

func (o *fields) optStrs(k string, v []string) {
	if len(v) > 0 {
		o.put(k, regoterm.StringList(v))
	}
}

func (o *fields) optObj(k string, sub fields) {
	if len(sub) > 0 {
		o.put(k, ast.NewTerm(ast.NewObject(sub...)))
	}
}

func (o fields) term() *ast.Term { return ast.NewTerm(ast.NewObject(o...)) }

func timeTerm(t time.Time) *ast.Term { return ast.StringTerm(t.Format(time.RFC3339Nano)) }

func eventValue(ev *event.Event) ast.Value {
	o := make(fields, 0, 16)
	o.str("id", ev.ID)
	o.put("time", timeTerm(ev.Time))
	o.str("action", ev.Action)
	o.str("outcome", ev.Outcome)
	o.str("tenant", ev.Tenant)
	actor := fields{}
	actor.str("id", ev.Actor.ID)
	actor.optStr("type", ev.Actor.Type)
	actor.optStrs("tenants", ev.Actor.Tenants)
	o.put("actor", actor.term())
	o.optObj("token", tokenFields(&ev.Token))
	o.optObj("secret", secretFields(&ev.Secret))
	o.optObj("resource", resourceFields(&ev.Resource))
	o.optObj("source", sourceFields(&ev.Source))
	o.optObj("workload", workloadFields(&ev.Workload))
	o.optStr("session_id", ev.SessionID)
	o.optStr("request_id", ev.RequestID)
	if len(ev.Attrs) > 0 {
		attrs := make(fields, 0, len(ev.Attrs))
		for k, v := range ev.Attrs {
			attrs.str(k, v)
		}
		o.put("attrs", attrs.term())
	}
	o.optStr("format", ev.Format)
	o.optStrs("redactions", ev.Redactions)
	return ast.NewObject(o...)
}

func tokenFields(t *event.Token) fields {
	o := fields{}
	o.optStr("id", t.ID)
	o.optStr("kind", t.Kind)
	o.optStrs("scopes", t.Scopes)
	o.optStr("owner", t.Owner)
	o.optStr("tenant", t.Tenant)
	o.optStr("workload", t.Workload)
	if !t.CreatedAt.IsZero() {
		o.put("created_at", timeTerm(t.CreatedAt))
	}
	return o
}

func secretFields(s *event.Secret) fields {
	o := fields{}
	o.optStr("id", s.ID)
	o.optStr("name", s.Name)
	o.optStr("tenant", s.Tenant)
	o.optStr("workload", s.Workload)
	return o
}

func resourceFields(r *event.Resource) fields {
	o := fields{}
	o.optStr("type", r.Type)
	o.optStr("id", r.ID)
	o.optStr("visibility", r.Visibility)
	return o
}

func sourceFields(s *event.Source) fields {
	o := fields{}
	o.optStr("ip", s.IP)
	if s.ASN != 0 {
		o.put("asn", ast.UIntNumberTerm(uint64(s.ASN)))
	}
	o.optStr("as_org", s.ASOrg)
	o.optStr("country", s.Country)
	if s.Lat != 0 {
		o.put("lat", ast.FloatNumberTerm(s.Lat))
	}
	if s.Lon != 0 {
		o.put("lon", ast.FloatNumberTerm(s.Lon))
	}
	o.optStr("user_agent", s.UserAgent)
	if s.Internal {
		o.put("internal", ast.BooleanTerm(true))
	}
	return o
}

func workloadFields(w *event.Workload) fields {
	o := fields{}
	o.optStr("id", w.ID)
	o.optStr("build_id", w.BuildID)
	o.optStr("phase", w.Phase)
	return o
}
