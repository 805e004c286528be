package policy

import (
	"fmt"

	"github.com/credwatch/credwatch/internal/regoterm"
	"github.com/open-policy-agent/opa/v1/ast"
)

// value builds the input document directly as an AST value, exactly as
// in's JSON would parse (nil lists and maps are null), without a JSON round
// trip. TestASTInputMatchesJSON holds it to that.
func (in *Input) value() (ast.Value, error) {
	facts, err := factsTerm(in.Alert.Facts)
	if err != nil {
		return nil, err
	}
	return ast.NewObject(
		item("alert", in.Alert.object(facts)),
		item("rule", object(str("id", in.Rule.ID), str("title", in.Rule.Title),
			str("severity", in.Rule.Severity), str("tier", in.Rule.Tier))),
		item("credential", in.Credential.object()),
		item("allow_list", object(
			item("credentials", regoterm.StringList(in.AllowList.Credentials)),
			item("tenants", regoterm.StringList(in.AllowList.Tenants)))),
		item("counts", object(num("tenant", in.Counts.Tenant), num("global", in.Counts.Global),
			num("tenant_cap", in.Counts.TenantCap), num("global_cap", in.Counts.GlobalCap),
			str("window", in.Counts.Window))),
	), nil
}

func (a *Alert) object(facts *ast.Term) *ast.Term {
	return object(str("id", a.ID), str("rule", a.Rule), str("severity", a.Severity), str("tier", a.Tier),
		str("tenant", a.Tenant), str("credential", a.Credential), str("actor", a.Actor), str("reason", a.Reason),
		num("count", a.Count), str("update", a.Update), item("facts", facts))
}

func (c *Credential) object() *ast.Term {
	return object(str("id", c.ID), str("kind", c.Kind), item("scopes", regoterm.StringList(c.Scopes)),
		str("tenant", c.Tenant), str("owner", c.Owner), str("workload", c.Workload),
		item("known", ast.BooleanTerm(c.Known)))
}

// factsTerm converts rule facts (JSON-shaped values, as detect decodes them).
func factsTerm(facts map[string]any) (*ast.Term, error) {
	if facts == nil {
		return ast.NullTerm(), nil
	}
	v, err := ast.InterfaceToValue(facts)
	if err != nil {
		return nil, fmt.Errorf("alert facts: %w", err)
	}
	return ast.NewTerm(v), nil
}

func item(k string, v *ast.Term) [2]*ast.Term { return ast.Item(ast.StringTerm(k), v) }

func str(k, v string) [2]*ast.Term { return item(k, ast.StringTerm(v)) }

func num(k string, v int) [2]*ast.Term { return item(k, ast.IntNumberTerm(v)) }

func object(items ...[2]*ast.Term) *ast.Term { return ast.NewTerm(ast.NewObject(items...)) }
