package detect

import (
	"context"
	"fmt"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"

	"github.com/credwatch/credwatch/event"
)

// guard is a boolean rule that holds whenever alert can be defined (see
// addGuards), with the input paths it reads, following calls into rules of
// the same package. Its outcome depends only on the values at those paths,
// so an engine can cache it by them (in both directions) and skip Rego when
// it is known to fail. The caches live in each engine (engines run
// concurrently); only when every guard holds is alert itself evaluated.
type guard struct {
	inputPaths
	query  rego.PreparedEvalQuery
	native *native // when it can be judged in Go (see native)
}

// Guard rules addGuards gives each rule package. guardFirst holds when, in
// some alert body, the first expression that depends on nothing else in the
// body holds: cheap to key (one comparison's paths), and when it fails alert
// is undefined. guardBodies holds when some whole alert body holds. Neither
// shares alert's head, so neither reads what only the reason or facts read.
const (
	guardFirst  = "credwatch_alert_first"
	guardBodies = "credwatch_alert_guard"
)

// addGuards adds guardFirst (when every alert body has a self-contained
// expression) and guardBodies to a module that defines alert, one definition
// per alert body (else-branches included).
func addGuards(m *ast.Module, builtins map[string]bool) {
	names := map[ast.Var]bool{}
	for _, r := range m.Rules {
		names[r.Head.Name] = true
		if ref := r.Head.Ref(); len(ref) > 0 {
			if v, ok := ref[0].Value.(ast.Var); ok {
				names[v] = true
			}
		}
	}
	var first, bodies []*ast.Rule
	allFirst := true
	for _, r := range m.Rules {
		if r.Head.Ref().String() != "alert" {
			continue
		}
		for b := r; b != nil; b = b.Else {
			bodies = append(bodies, guardOf(m, guardBodies, b.Body.Copy()))
			if e := firstSelfContained(b.Body, names, builtins); e != nil {
				first = append(first, guardOf(m, guardFirst, ast.NewBody(e.Copy())))
			} else {
				allFirst = false
			}
		}
	}
	if allFirst {
		m.Rules = append(m.Rules, first...)
	}
	m.Rules = append(m.Rules, bodies...)
}

func guardOf(m *ast.Module, name string, body ast.Body) *ast.Rule {
	g := &ast.Rule{Head: ast.NewHead(ast.Var(name), nil, ast.BooleanTerm(true)), Body: body, Module: m}
	g.Head.Reference = ast.Ref{ast.VarTerm(name)}
	return g
}

// firstSelfContained is the first expression of body whose only variables
// are input, data, the module's rules and built-ins (by name or dotted
// root, see builtinNames): its truth does not depend on the rest of the body.
func firstSelfContained(body ast.Body, rules map[ast.Var]bool, builtins map[string]bool) *ast.Expr {
	for _, e := range body {
		if len(e.With) > 0 || e.IsAssignment() {
			continue
		}
		ok := true
		ast.WalkVars(e, func(v ast.Var) bool {
			root, _, _ := strings.Cut(string(v), ".")
			ok = ok && (v.Equal(ast.InputRootDocument.Value) || v.Equal(ast.DefaultRootDocument.Value) ||
				rules[v] || builtins[root])
			return false
		})
		if ok {
			return e
		}
	}
	return nil
}

// builtinNames are the built-ins' names and the first segments of dotted
// ones (count; regex of regex.match), read once per load.
func builtinNames() map[string]bool {
	names := map[string]bool{}
	for full := range ast.BuiltinMap {
		root, _, _ := strings.Cut(full, ".")
		names[full], names[root] = true, true
	}
	return names
}

// newGuard analyses rule id's guard rule; it returns nil when the rule cannot be
// cached (a default alert, `with`, whole-input or foreign data reads, or a
// non-deterministic built-in).
func newGuard(ctx context.Context, c *ast.Compiler, id, rule string, values *ruleValues) (*guard, error) {
	pkg := ast.MustParseRef("data.credwatch.rules." + id)
	for _, r := range c.GetRulesExact(pkg.Append(ast.StringTerm("alert"))) {
		if r.Default {
			return nil, nil
		}
	}
	name := pkg.Append(ast.StringTerm(rule))
	ip, ok := inputPathsOf(c, pkg, name)
	if !ok || len(c.GetRulesExact(name)) == 0 {
		return nil, nil
	}
	q, err := rego.New(rego.Compiler(c), rego.Query(name.String())).PrepareForEval(ctx)
	if err != nil {
		return nil, fmt.Errorf("rule %s: prepare guard: %w", id, err)
	}
	return &guard{inputPaths: ip, query: q, native: nativeOf(c.GetRulesExact(name), pkg, values)}, nil
}

// holds reports whether any alert body holds for input.
func (g *guard) holds(ctx context.Context, input ast.Value) (bool, error) {
	rs, err := g.query.Eval(ctx, rego.EvalParsedInput(input))
	return len(rs) > 0, err
}

// holdsFor is holds for the event whose values at the guard's paths are
// vals (see inputPaths.input).
func (g *guard) holdsFor(ctx context.Context, vals []keyVal, ev *event.Event, f *Facts, full *ast.Value) (bool, error) {
	return g.holds(ctx, g.input(vals, ev, f, full))
}

// refCollector gathers the input paths a set of bodies reads, following
// calls into rules of the same package.
type refCollector struct {
	c     *ast.Compiler
	pkg   ast.Ref
	paths map[string]ast.Ref
	seen  map[string]bool
	ok    bool
}

func (rc *refCollector) ref(r ast.Ref) bool {
	switch {
	case r[0].Equal(ast.InputRootDocument):
		p := groundPrefix(r)
		if len(p) < 2 {
			rc.ok = false // the whole input
		}
		rc.paths[p.String()] = p
	case r[0].Equal(ast.DefaultRootDocument):
		rc.rule(r)
	default:
		if b := ast.BuiltinMap[r.String()]; b != nil && b.Nondeterministic {
			rc.ok = false
		}
	}
	return false
}

// rule follows a reference to a rule of the package into its definitions.
func (rc *refCollector) rule(r ast.Ref) {
	if len(r) <= len(rc.pkg) || !r.HasPrefix(rc.pkg) {
		rc.ok = false // data outside the rule's own package
		return
	}
	name := r[:len(rc.pkg)+1]
	if rc.seen[name.String()] {
		return
	}
	rc.seen[name.String()] = true
	for _, def := range rc.c.GetRulesExact(name) {
		ast.WalkRefs(def, rc.ref)
		for _, e := range def.Body {
			if len(e.With) > 0 {
				rc.ok = false
			}
		}
	}
}

// groundPrefix is r up to its first non-string term.
func groundPrefix(r ast.Ref) ast.Ref {
	for i := 1; i < len(r); i++ {
		if _, ok := r[i].Value.(ast.String); !ok {
			return r[:i]
		}
	}
	return r
}

// newGuards are rule id's guards, cheapest first. Without the bodies guard
// (the rule cannot be cached) there are none.
func newGuards(ctx context.Context, c *ast.Compiler, id string, values *ruleValues) ([]*guard, error) {
	bodies, err := newGuard(ctx, c, id, guardBodies, values)
	if bodies == nil || err != nil {
		return nil, err
	}
	first, err := newGuard(ctx, c, id, guardFirst, values)
	if first == nil || err != nil {
		return []*guard{bodies}, err
	}
	return []*guard{first, bodies}, nil
}
