// Package policy evaluates credwatch's response policy: Rego (OPA v1) that
// maps each alert to one action — auto (revoke now), approve (hold for an
// analyst), notify (webhook only) or none — with a reason. The default
// policy is embedded (rules/response); any other directory of .rego files
// defining data.credwatch.response.decision can replace it.
package policy

import (
	"context"
	"fmt"
	"io/fs"
	"path"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"

	"github.com/credwatch/credwatch/rules/response"
)

// Package is the Rego package a response policy must be.
const Package = "credwatch.response"

// Query is what the policy is asked for each alert.
const Query = "data." + Package + ".decision"

// Policy is a compiled response policy with its query prepared once. It is
// safe for concurrent use.
type Policy struct {
	Title       string // from the package's # METADATA, if any
	Description string
	modules     map[string]*ast.Module
	compiler    *ast.Compiler
	query       rego.PreparedEvalQuery
}

// Default loads the embedded default policy.
func Default(ctx context.Context) (*Policy, error) { return Load(ctx, response.FS) }

// Load parses every .rego file of fsys (tests included, so they compile
// against the policy), compiles them once and prepares the decision query.
func Load(ctx context.Context, fsys fs.FS) (*Policy, error) {
	modules, err := parseModules(fsys)
	if err != nil {
		return nil, err
	}
	p := &Policy{modules: modules}
	if err := p.describe(); err != nil {
		return nil, err
	}
	p.compiler = ast.NewCompiler().WithEnablePrintStatements(false)
	if p.compiler.Compile(modules); p.compiler.Failed() {
		return nil, fmt.Errorf("response policy: compile: %w", p.compiler.Errors)
	}
	if len(p.compiler.GetRulesExact(ast.MustParseRef(Query))) == 0 {
		return nil, fmt.Errorf("response policy: package %s defines no decision rule", Package)
	}
	p.query, err = rego.New(rego.Compiler(p.compiler), rego.Query(Query)).PrepareForEval(ctx)
	if err != nil {
		return nil, fmt.Errorf("response policy: prepare %s: %w", Query, err)
	}
	return p, nil
}

// describe checks that some non-test module is package credwatch.response
// and reads its package-level # METADATA.
func (p *Policy) describe() error {
	found := false
	for name, m := range p.modules {
		if strings.HasSuffix(name, "_test.rego") || m.Package.Path.String() != "data."+Package {
			continue
		}
		found = true
		for _, a := range m.Annotations {
			if a.Scope == "package" {
				p.Title, p.Description = a.Title, strings.TrimSpace(a.Description)
			}
		}
	}
	if !found {
		return fmt.Errorf("response policy: no module is package %s (%d .rego files)", Package, len(p.modules))
	}
	return nil
}

func parseModules(fsys fs.FS) (map[string]*ast.Module, error) {
	modules := map[string]*ast.Module{}
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || path.Ext(p) != ".rego" {
			return err
		}
		src, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		m, err := ast.ParseModuleWithOpts(p, string(src), ast.ParserOptions{ProcessAnnotation: true, RegoVersion: ast.RegoV1})
		if err != nil {
			return fmt.Errorf("response policy: %w", err)
		}
		modules[p] = m
		return nil
	})
	return modules, err
}
