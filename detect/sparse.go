package detect

import (
	"math"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/credwatch/credwatch/event"
)

// sparseInput is the input a guard reads, built from its paths and the
// values its getters read (nil: absent): just those members, nested as in
// the full input. A guard reads nothing else (newGuard checks), so it holds
// for the sparse input exactly when it holds for toInput's — at a fraction
// of the cost. ok is false when a value is a list or object (the getters
// carry those as JSON); the caller builds the full input then.
func sparseInput(paths []ast.Ref, vals []keyVal) (ast.Value, bool) {
	root := ast.NewObject()
	for i, p := range paths {
		if vals[i].kind == keyAbsent {
			continue
		}
		v, ok := scalarTerm(vals[i])
		if !ok {
			return nil, false
		}
		obj := root
		for _, k := range p[1 : len(p)-1] {
			next := obj.Get(k)
			if next == nil {
				next = ast.NewTerm(ast.NewObject())
				obj.Insert(k, next)
			}
			if obj, ok = next.Value.(ast.Object); !ok {
				return nil, false // a scalar where another path goes deeper
			}
		}
		obj.Insert(p[len(p)-1], v)
	}
	return root, true
}

// scalarTerm is a getter's value as the full input holds it: integers as
// toInput writes them, other numbers in their shortest form.
func scalarTerm(v keyVal) (*ast.Term, bool) {
	switch v.kind {
	case keyString:
		return ast.StringTerm(v.str), true
	case keyBool:
		return ast.BooleanTerm(v.num == 1), true
	case keyNumber:
		if v.num == math.Trunc(v.num) && math.Abs(v.num) < 1<<53 {
			return ast.IntNumberTerm(int(v.num)), true
		}
		return ast.FloatNumberTerm(v.num), true
	}
	return nil, false // a list or object: the caller builds the full input
}

// inputPaths are the input paths a Rego rule reads (following calls into
// rules of its package) and a getter for each: what guards and rule values
// are keyed and judged by.
type inputPaths struct {
	paths   []ast.Ref
	getters []getter // one per path
}

// inputPathsOf collects the paths rule name (in package pkg) reads; ok is
// false when it cannot be keyed by them (see refCollector, getter.opaque).
func inputPathsOf(c *ast.Compiler, pkg, name ast.Ref) (inputPaths, bool) {
	rc := &refCollector{c: c, pkg: pkg, paths: map[string]ast.Ref{}, seen: map[string]bool{}, ok: true}
	rc.rule(name)
	var ip inputPaths
	for _, p := range rc.paths {
		get := newGetter(p)
		if get.opaque {
			return ip, false
		}
		ip.paths, ip.getters = append(ip.paths, p), append(ip.getters, get)
	}
	return ip, rc.ok
}

// input is what to evaluate over for the event whose values at the paths
// are vals: their sparse input, else the full input (built once per event,
// in *full).
func (ip *inputPaths) input(vals []keyVal, ev *event.Event, f *Facts, full *ast.Value) ast.Value {
	if sparse, ok := sparseInput(ip.paths, vals); ok {
		return sparse
	}
	if *full == nil {
		*full = toInput(ev, f)
	}
	return *full
}
