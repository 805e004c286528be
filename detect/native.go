package detect

import (
	"context"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/credwatch/credwatch/event"
)

// native is a guard judged in Go, with no cache and no Rego: every
// definition is one comparison (==, !=, <, <=, >, >=) of input paths,
// constants and values of the package's rules, or one such operand alone
// (true unless undefined or false) or negated. Comparisons follow OPA's:
// numbers by value, strings by bytes, values of different types by
// type. A value native cannot compare exactly (a list, an object, a
// number whose shortest float form differs) makes it defer to the cached
// guard for that event.
type native struct {
	defs []nativeExpr // the guard holds when any holds
}

type nativeExpr struct {
	op      string // a comparison's operator; "" for a lone operand
	negated bool
	args    []operand
}

// operand is an input path, a constant, or a rule's value (by index into
// the engine's value caches).
type operand struct {
	get   *getter
	konst *keyVal
	value int // 1 + index of a ruleValue; 0 when not one
}

var comparisons = map[string]bool{"equal": true, "neq": true, "lt": true, "lte": true, "gt": true, "gte": true}

// nativeOf compiles the definitions of a guard rule, or returns nil. A
// definition is its expression, after any assignments of operands to the
// compiler's local variables (it rewrites `input.a >= x` so).
func nativeOf(defs []*ast.Rule, pkg ast.Ref, values *ruleValues) *native {
	n := &native{}
	for _, d := range defs {
		locals := map[ast.Var]*ast.Term{}
		body := d.Body
		for len(body) > 1 {
			v, t, ok := localAssignment(body[0])
			if !ok {
				return nil
			}
			locals[v], body = t, body[1:]
		}
		e, ok := nativeExprOf(body[0], pkg, values, locals)
		if !ok {
			return nil
		}
		n.defs = append(n.defs, e)
	}
	return n
}

// localAssignment reads `__localN__ = term`.
func localAssignment(e *ast.Expr) (ast.Var, *ast.Term, bool) {
	ts, ok := e.Terms.([]*ast.Term)
	if !ok || e.Negated || len(e.With) > 0 || len(ts) != 3 || ts[0].String() != "eq" {
		return "", nil, false
	}
	v, ok := ts[1].Value.(ast.Var)
	return v, ts[2], ok && strings.HasPrefix(string(v), "__local")
}

func nativeExprOf(e *ast.Expr, pkg ast.Ref, values *ruleValues, locals map[ast.Var]*ast.Term) (nativeExpr, bool) {
	out := nativeExpr{negated: e.Negated}
	if len(e.With) > 0 {
		return out, false
	}
	terms := []*ast.Term{}
	switch t := e.Terms.(type) {
	case *ast.Term:
		terms = append(terms, t)
	case []*ast.Term:
		name := t[0].String()
		if name == "eq" { // unifying two ground operands: equality
			name = "equal"
		}
		if out.negated || len(t) != 3 || !comparisons[name] {
			return out, false
		}
		out.op, terms = name, t[1:]
	default:
		return out, false
	}
	for _, t := range terms {
		if v, ok := t.Value.(ast.Var); ok && locals[v] != nil {
			t = locals[v]
		}
		o, ok := operandOf(t, pkg, values)
		if !ok {
			return out, false
		}
		out.args = append(out.args, o)
	}
	return out, true
}

func operandOf(t *ast.Term, pkg ast.Ref, values *ruleValues) (operand, bool) {
	switch v := t.Value.(type) {
	case ast.Ref:
		if v[0].Equal(ast.InputRootDocument) && len(groundPrefix(v)) == len(v) && len(v) >= 3 {
			g := newGetter(v)
			return operand{get: &g}, !g.opaque
		}
		if len(v) == len(pkg)+1 && v.HasPrefix(pkg) {
			if _, ok := v[len(pkg)].Value.(ast.String); ok {
				return values.operand(v)
			}
		}
	case ast.String, ast.Boolean, ast.Number:
		k, ok := keyOfValue(v)
		return operand{konst: &k}, ok
	}
	return operand{}, false
}

// holds judges the guard; ok is false when it cannot (see native).
func (n *native) holds(ctx context.Context, e *Engine, ev *event.Event, f *Facts) (holds, ok bool, err error) {
	for i := range n.defs {
		h, ok, err := n.defs[i].holds(ctx, e, ev, f)
		if !ok || err != nil {
			return false, ok, err
		}
		if h {
			return true, true, nil
		}
	}
	return false, true, nil
}

func (x *nativeExpr) holds(ctx context.Context, e *Engine, ev *event.Event, f *Facts) (holds, ok bool, err error) {
	var vals [2]keyVal
	for i, a := range x.args {
		if vals[i], err = a.read(ctx, e, ev, f); err != nil || vals[i].kind == keyJSON {
			return false, false, err // a list or object: the cached guard judges
		}
	}
	if x.op == "" {
		truthy := vals[0].kind != keyAbsent && vals[0] != boolKey(false)
		return truthy != x.negated, true, nil
	}
	if vals[0].kind == keyAbsent || vals[1].kind == keyAbsent {
		return false, true, nil // undefined: the body fails
	}
	return compareHolds(x.op, compareKeys(vals[0], vals[1])), true, nil
}

func (a operand) read(ctx context.Context, e *Engine, ev *event.Event, f *Facts) (keyVal, error) {
	switch {
	case a.get != nil:
		return a.get.get(ev, f), nil
	case a.konst != nil:
		return *a.konst, nil
	}
	return e.ruleValue(ctx, a.value-1, ev, f)
}
