package detect

import (
	"fmt"
	"slices"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"
)

// ruleFromModule reads a rule's package-level # METADATA.
func ruleFromModule(file string, m *ast.Module) (*Rule, error) {
	pkg := strings.TrimPrefix(m.Package.Path.String(), "data.")
	id, ok := strings.CutPrefix(pkg, "credwatch.rules.")
	if !ok || strings.Contains(id, ".") {
		return nil, fmt.Errorf("%s: package must be credwatch.rules.<id>, got %s", file, pkg)
	}
	var a *ast.Annotations
	for _, x := range m.Annotations {
		if x.Scope == "package" {
			a = x
		}
	}
	if a == nil {
		return nil, fmt.Errorf("%s: rule %s has no package-level # METADATA", file, id)
	}
	r := &Rule{ID: id, Title: a.Title, Description: strings.TrimSpace(a.Description),
		Severity: str(a.Custom["severity"]), Tier: str(a.Custom["tier"]), Shadow: a.Custom["shadow"] == true}
	if cid := str(a.Custom["id"]); cid != "" && cid != id {
		return nil, fmt.Errorf("%s: metadata id %q does not match package %s", file, cid, id)
	}
	if r.Title == "" || !slices.Contains(Severities, r.Severity) || r.Tier == "" {
		return nil, fmt.Errorf("%s: rule %s needs title, custom.severity (one of %v) and custom.tier", file, id, Severities)
	}
	if list, ok := a.Custom["actions"].([]any); ok {
		for _, x := range list {
			r.Actions = append(r.Actions, str(x))
		}
	}
	return r, nil
}

func str(v any) string {
	s, _ := v.(string)
	return s
}
