// Package regoterm builds OPA AST terms that more than one package needs
// when it hands Go values to a prepared Rego query.
package regoterm

import "github.com/open-policy-agent/opa/v1/ast"

// StringList is v as a Rego array of strings, or null when v is nil.
func StringList(v []string) *ast.Term {
	if v == nil {
		return ast.NullTerm()
	}
	ts := make([]*ast.Term, len(v))
	for i, s := range v {
		ts[i] = ast.StringTerm(s)
	}
	return ast.ArrayTerm(ts...)
}
