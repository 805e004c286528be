// Package detect turns the event stream into alerts: OPA/Rego rules over each
// event plus facts computed in Go (per-credential baselines), deduplicated
// and explained.
package detect

import (
	"context"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"
)

// Rule is one compiled rule with its metadata and its prepared query.
type Rule struct {
	ID          string
	Title       string
	Description string
	Severity    string   // info, low, medium, high, critical
	Tier        string   // response tier: notify, revoke, ...
	Actions     []string // only events with these actions are evaluated; empty means all
	Shadow      bool     // alerts are recorded but not sent to response
	query       rego.PreparedEvalQuery
	guards      []*guard // cheapest first; none when quiet decisions cannot be cached
}

// Cached reports whether the engine can skip Rego for inputs this rule
// already found quiet (see guard).
func (r *Rule) Cached() bool { return len(r.guards) > 0 }

// RuleSet is every rule, compiled together.
type RuleSet struct {
	Rules    []*Rule
	modules  map[string]*ast.Module
	compiler *ast.Compiler
	values   []*ruleValue // what native guards compare (see ruleValue)
}

// Severities in increasing order.
var Severities = []string{"info", "low", "medium", "high", "critical"}

// LoadRules parses and compiles every .rego file of fsys (tests included, so
// they compile against the rules) and prepares one query per rule, once.
func LoadRules(ctx context.Context, fsys fs.FS) (*RuleSet, error) {
	modules, err := parseModules(fsys)
	if err != nil {
		return nil, err
	}
	builtins := builtinNames()
	for name, m := range modules {
		if !strings.HasSuffix(name, "_test.rego") {
			addGuards(m, builtins)
		}
	}
	c := ast.NewCompiler().WithEnablePrintStatements(false)
	if c.Compile(modules); c.Failed() {
		return nil, fmt.Errorf("compile rules: %w", c.Errors)
	}
	rs := &RuleSet{modules: modules, compiler: c}
	values := &ruleValues{ctx: ctx, c: c}
	for _, name := range sortedKeys(modules) {
		m := modules[name]
		if strings.HasSuffix(name, "_test.rego") {
			continue
		}
		r, err := ruleFromModule(name, m)
		if err != nil {
			return nil, err
		}
		q, err := rego.New(rego.Compiler(c), rego.Query("data.credwatch.rules."+r.ID+".alert")).PrepareForEval(ctx)
		if err != nil {
			return nil, fmt.Errorf("rule %s: prepare: %w", r.ID, err)
		}
		r.query = q
		if r.guards, err = newGuards(ctx, c, r.ID, values); err != nil {
			return nil, err
		}
		rs.Rules = append(rs.Rules, r)
	}
	if len(rs.Rules) == 0 {
		return nil, fmt.Errorf("no rules found")
	}
	rs.values = values.list
	return rs, nil
}

func parseModules(fsys fs.FS) (map[string]*ast.Module, error) {
	modules := map[string]*ast.Module{}
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && d.IsDir() && p != "." {
			return fs.SkipDir // rules/response is the response policy, not rules
		}
		if err != nil || d.IsDir() || path.Ext(p) != ".rego" {
			return err
		}
		src, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		m, err := ast.ParseModuleWithOpts(p, string(src), ast.ParserOptions{ProcessAnnotation: true, RegoVersion: ast.RegoV1})
		if err != nil {
			return err
		}
		modules[p] = m
		return nil
	})
	return modules, err
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
