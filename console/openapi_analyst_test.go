package console

import (
	"encoding/json"
	"slices"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestOpenAPIListsTheAnalystEndpoints: every triage, suppression and
// approval route is in the document with its method, path parameters, a
// body where it takes one, and the query parameters the handler takes.
func TestOpenAPIListsTheAnalystEndpoints(t *testing.T) {
	x := newRig(t)
	_, raw := x.get(t, "", "/api/v1/openapi.json")
	var doc struct {
		Paths map[string]map[string]struct {
			Parameters []struct{ Name, In string } `json:"parameters"`
			Body       *struct{ Required bool }    `json:"requestBody"`
		} `json:"paths"`
	}
	require.NoError(t, json.Unmarshal(raw, &doc))
	routes := []struct {
		method, path string
		query        []string
		body         bool
	}{
		{"post", "/api/v1/alerts/{tenant}/{id}/acknowledge", nil, true}, {"post", "/api/v1/alerts/{tenant}/{id}/assign", nil, true},
		{"post", "/api/v1/alerts/{tenant}/{id}/notes", nil, true}, {"post", "/api/v1/alerts/{tenant}/{id}/close", nil, true},
		{"post", "/api/v1/alerts/{tenant}/{id}/reopen", nil, true}, {"get", "/api/v1/alerts/{tenant}/{id}/triage", nil, false},
		{"post", "/api/v1/alerts/bulk", nil, true},
		{"get", "/api/v1/suppressions", suppressionParams, false}, {"post", "/api/v1/suppressions", nil, true},
		{"delete", "/api/v1/suppressions/{id}", nil, false},
		{"get", "/api/v1/responses", responseParams, false}, {"post", "/api/v1/responses/{tenant}/{id}/approve", nil, true},
		{"post", "/api/v1/responses/{tenant}/{id}/reject", nil, true}, {"post", "/api/v1/responses/bulk-approve", nil, true},
		{"post", "/api/v1/responses/bulk/{request}/confirm", nil, false}, {"get", "/api/v1/responses/bulk", nil, false},
	}
	for _, r := range routes {
		op, ok := doc.Paths[r.path][r.method]
		require.True(t, ok, "%s %s is not documented", r.method, r.path)
		var query, path []string
		for _, p := range op.Parameters {
			if p.In == "query" {
				query = append(query, p.Name)
			} else {
				path = append(path, "{"+p.Name+"}")
			}
		}
		require.ElementsMatch(t, r.query, query, r.path)
		for _, p := range path {
			require.Contains(t, r.path, p)
		}
		require.Equal(t, r.body, op.Body != nil, "%s %s body", r.method, r.path)
	}
	require.True(t, slices.Contains(alertParams, "status"))
}
