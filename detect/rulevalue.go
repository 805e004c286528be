package detect

import (
	"context"
	"fmt"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"

	"github.com/credwatch/credwatch/event"
)

// ruleValue is a complete rule of a rule's package that a native guard
// compares (a threshold, a constant), evaluated in Rego and remembered by
// the values at the input paths it reads, like a guard's outcome.
type ruleValue struct {
	inputPaths
	ref   ast.Ref
	query rego.PreparedEvalQuery
}

// ruleValues collects the rule values a rule set's native guards read;
// each engine keeps a cache per value.
type ruleValues struct {
	ctx   context.Context
	c     *ast.Compiler
	index map[string]int
	list  []*ruleValue
}

// operand is the rule at ref as an operand: a constant when it reads no
// input, else a rule value.
func (rv *ruleValues) operand(ref ast.Ref) (operand, bool) {
	i, ok := rv.add(ref)
	if !ok {
		return operand{}, false
	}
	v := rv.list[i]
	if len(v.paths) > 0 {
		return operand{value: i + 1}, true
	}
	rs, err := v.query.Eval(rv.ctx, rego.EvalParsedInput(ast.NewObject()))
	if err != nil {
		return operand{}, false
	}
	k := keyVal{} // undefined
	if len(rs) > 0 {
		if k, ok = resultKey(rs[0].Expressions[0].Value); !ok {
			return operand{}, false
		}
	}
	return operand{konst: &k}, true
}

// resultKey is a query's result value as a keyVal, when native can compare
// it exactly.
func resultKey(x any) (keyVal, bool) {
	v, err := ast.InterfaceToValue(x)
	if err != nil {
		return keyVal{}, false
	}
	return keyOfValue(v)
}

// add registers the rule at ref (data.credwatch.rules.<id>.<name>),
// unless it is not a complete rule or reads what newGuard would refuse.
func (rv *ruleValues) add(ref ast.Ref) (int, bool) {
	if i, ok := rv.index[ref.String()]; ok {
		return i, true
	}
	defs := rv.c.GetRulesExact(ref)
	if len(defs) == 0 {
		return 0, false
	}
	for _, d := range defs {
		if len(d.Head.Args) > 0 || d.Head.RuleKind() != ast.SingleValue || len(d.Head.Ref()) != 1 {
			return 0, false
		}
	}
	ip, ok := inputPathsOf(rv.c, ref[:len(ref)-1], ref)
	if !ok {
		return 0, false
	}
	q, err := rego.New(rego.Compiler(rv.c), rego.Query(ref.String())).PrepareForEval(rv.ctx)
	if err != nil {
		return 0, false
	}
	v := &ruleValue{inputPaths: ip, ref: ref, query: q}
	if rv.index == nil {
		rv.index = map[string]int{}
	}
	rv.index[ref.String()] = len(rv.list)
	rv.list = append(rv.list, v)
	return len(rv.list) - 1, true
}

// ruleValue is rule value i for the event: remembered, else evaluated over
// the sparse input of its paths (or the full input).
func (e *Engine) ruleValue(ctx context.Context, i int, ev *event.Event, f *Facts) (keyVal, error) {
	rv, c := e.rules.values[i], e.values[i]
	vals, h := c.key(rv.getters, ev, f)
	if out, found := c.lookup(vals, h); found {
		return out, nil
	}
	var full ast.Value
	rs, err := rv.query.Eval(ctx, rego.EvalParsedInput(rv.input(vals, ev, f, &full)))
	if err != nil {
		return keyVal{}, fmt.Errorf("rule value %v: %w", rv.ref, err)
	}
	out, ok := keyVal{}, false // undefined
	if len(rs) > 0 && len(rs[0].Expressions) > 0 {
		if out, ok = resultKey(rs[0].Expressions[0].Value); !ok {
			out = keyVal{kind: keyJSON} // the cached guard judges
		}
	}
	c.remember(vals, h, out)
	return out, nil
}
