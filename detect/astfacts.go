package detect

import (
	"github.com/credwatch/credwatch/internal/regoterm"
	"github.com/open-policy-agent/opa/v1/ast"
)

// factsValue is f as its JSON would parse; see toInput.
func factsValue(f *Facts) ast.Value {
	o := make(fields, 0, 16)
	o.put("learning", ast.BooleanTerm(f.Learning))
	o.put("credential_learning", ast.BooleanTerm(f.CredentialLearning))
	o.put("history_days", ast.IntNumberTerm(f.HistoryDays))
	o.put("uses", ast.IntNumberTerm(f.Uses))
	o.put("idle_days", ast.IntNumberTerm(f.IdleDays))
	o.put("late", ast.BooleanTerm(f.Late))
	o.put("first_seen", fields{
		ast.Item(ast.StringTerm("asn"), ast.BooleanTerm(f.FirstSeen.ASN)),
		ast.Item(ast.StringTerm("country"), ast.BooleanTerm(f.FirstSeen.Country)),
		ast.Item(ast.StringTerm("ua_family"), ast.BooleanTerm(f.FirstSeen.UAFamily)),
	}.term())
	o.put("profile", fields{
		ast.Item(ast.StringTerm("asn"), ast.StringTerm(f.Profile.ASN)),
		ast.Item(ast.StringTerm("country"), ast.StringTerm(f.Profile.Country)),
		ast.Item(ast.StringTerm("ua_family"), ast.StringTerm(f.Profile.UAFamily)),
	}.term())
	o.put("known_asns", ast.IntNumberTerm(f.KnownASNs))
	if t := f.Travel; t != nil {
		o.put("travel", travelTerm(t))
	}
	actor := fields{
		ast.Item(ast.StringTerm("learning"), ast.BooleanTerm(f.Actor.Learning)),
		ast.Item(ast.StringTerm("known_asn"), ast.BooleanTerm(f.Actor.KnownASN)),
		ast.Item(ast.StringTerm("known_asns"), ast.IntNumberTerm(f.Actor.KnownASNs)),
		ast.Item(ast.StringTerm("asn_hours"), ast.IntNumberTerm(f.Actor.ASNHours)),
		ast.Item(ast.StringTerm("known_ua_family"), ast.BooleanTerm(f.Actor.KnownUAFamily)),
		ast.Item(ast.StringTerm("history_days"), ast.IntNumberTerm(f.Actor.HistoryDays)),
	}
	if w := f.Actor.Window; w != nil {
		actor.put("window", windowTerm(w))
	}
	o.put("actor", actor.term())
	o.put("tenant", tenantTerm(&f.Tenant))
	o.put("network", fields{ast.Item(ast.StringTerm("actors"), ast.IntNumberTerm(f.Network.Actors))}.term())
	if w := f.Window; w != nil {
		o.put("window", windowTerm(w))
	}
	if b := f.Build; b != nil {
		o.put("build", buildTerm(b))
	}
	if s := f.Scopes; s != nil {
		o.put("scopes", fields{
			ast.Item(ast.StringTerm("previous"), regoterm.StringList(s.Previous)),
			ast.Item(ast.StringTerm("added"), regoterm.StringList(s.Added)),
		}.term())
	}
	if c := f.Crossing; c != nil {
		o.put("crossing", crossingTerm(c))
	}
	if n := f.Namespace; n != nil {
		o.put("namespace", namespaceTerm(n))
	}
	if i := f.Issued; i != nil {
		o.put("issued", issuedTerm(i))
	}
	o.put("sequence", sequenceTerm(&f.Sequence))
	return ast.NewObject(o...)
}

func travelTerm(t *Travel) *ast.Term {
	o := fields{}
	o.put("km", ast.FloatNumberTerm(t.KM))
	o.put("hours", ast.FloatNumberTerm(t.Hours))
	o.put("speed_kmh", ast.FloatNumberTerm(t.SpeedKMH))
	o.str("from_country", t.FromCountry)
	o.str("to_country", t.ToCountry)
	if t.SameNetwork {
		o.put("same_network", ast.BooleanTerm(true))
	}
	return o.term()
}

func windowTerm(w *WindowFacts) *ast.Term {
	b := fields{}
	b.put("buckets", ast.IntNumberTerm(w.Baseline.Buckets))
	b.put("median", ast.FloatNumberTerm(w.Baseline.Median))
	b.put("mad", ast.FloatNumberTerm(w.Baseline.MAD))
	b.put("p99", ast.FloatNumberTerm(w.Baseline.P99))
	o := fields{}
	o.put("minutes", ast.IntNumberTerm(w.Minutes))
	o.put("events", ast.IntNumberTerm(w.Events))
	o.put("distinct", ast.IntNumberTerm(w.Distinct))
	o.put("denied", ast.IntNumberTerm(w.Denied))
	o.put("baseline", b.term())
	return o.term()
}

func buildTerm(b *BuildFacts) *ast.Term {
	o := fields{}
	o.str("id", b.ID)
	o.str("workload", b.Workload)
	o.put("secrets_read", ast.IntNumberTerm(b.SecretsRead))
	o.put("foreign", ast.BooleanTerm(b.Foreign))
	o.put("foreign_secrets", ast.IntNumberTerm(b.ForeignSecrets))
	o.put("history_builds", ast.IntNumberTerm(b.HistoryBuilds))
	o.put("history_max", ast.IntNumberTerm(b.HistoryMax))
	o.put("declared", ast.IntNumberTerm(b.Declared))
	return o.term()
}

func crossingTerm(c *CrossingFacts) *ast.Term {
	var o fields
	o.put("days", ast.IntNumberTerm(c.Days))
	o.put("history_days", ast.IntNumberTerm(c.HistoryDays))
	o.put("tenants", ast.IntNumberTerm(c.Tenants))
	o.put("established", ast.BooleanTerm(c.Established))
	return o.term()
}

func issuedTerm(i *IssuedFacts) *ast.Term {
	var o fields
	o.str("ip", i.IP)
	o.str("network", i.Network)
	o.put("elsewhere", ast.BooleanTerm(i.Elsewhere))
	return o.term()
}

func namespaceTerm(n *NamespaceFacts) *ast.Term {
	return fields{
		ast.Item(ast.StringTerm("home"), ast.StringTerm(n.Home)),
		ast.Item(ast.StringTerm("target"), ast.StringTerm(n.Target)),
		ast.Item(ast.StringTerm("days"), ast.IntNumberTerm(n.Days)),
		ast.Item(ast.StringTerm("denied"), ast.BooleanTerm(n.Denied)),
		ast.Item(ast.StringTerm("namespaces"), ast.IntNumberTerm(n.Namespaces)),
		ast.Item(ast.StringTerm("established"), ast.BooleanTerm(n.Established)),
	}.term()
}

func tenantTerm(t *TenantFacts) *ast.Term {
	o := fields{
		ast.Item(ast.StringTerm("learning"), ast.BooleanTerm(t.Learning)),
		ast.Item(ast.StringTerm("known_asn"), ast.BooleanTerm(t.KnownASN)),
		ast.Item(ast.StringTerm("history_days"), ast.IntNumberTerm(t.HistoryDays)),
	}
	if l := t.LeakReported; l != nil {
		o.put("leak_reported", stepTerm(l))
	}
	return o.term()
}
