package console

import (
	"encoding/json"
	"slices"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestOpenAPIListsTheBrowserRoutes: the sign-in routes and the pages are in
// the OpenAPI document, the pages with the parameters of the API endpoints
// they share their queries with (the alert page, the queue, the
// suppressions, responses and forensic pages).
func TestOpenAPIListsTheBrowserRoutes(t *testing.T) {
	var doc struct {
		Paths map[string]map[string]struct {
			Parameters []struct{ Name string } `json:"parameters"`
		} `json:"paths"`
	}
	require.NoError(t, json.Unmarshal(openAPI, &doc))
	for path, method := range map[string]string{"/login": "post", "/login/ticket/{ticket}": "get", "/logout": "post",
		"/ui/alerts": "get", "/ui/alerts/rows": "get", "/ui/alerts/{tenant}/{id}": "get", "/ui/credentials": "get",
		"/ui/credentials/{id}": "get", "/ui/suppressions": "get", "/ui/responses": "get", "/ui/secrets": "get",
		"/ui/actors": "get", "/ui/actors/{id}": "get", "/ui/tenants/cross-access": "get", "/ui/events/search": "get"} {
		require.Contains(t, doc.Paths[path], method, path)
	}
	require.Contains(t, doc.Paths["/login"], "get")
	names := func(path string) []string {
		var out []string
		for _, p := range doc.Paths[path]["get"].Parameters {
			out = append(out, p.Name)
		}
		return out
	}
	require.ElementsMatch(t, alertParams, names("/ui/alerts"))
	require.ElementsMatch(t, alertParams, names("/ui/alerts/rows"))
	pageParams := slices.DeleteFunc(slices.Clone(timelineParams), func(p string) bool { return p == "format" }) // the page links to the API's CSV
	require.ElementsMatch(t, append([]string{"id"}, pageParams...), names("/ui/credentials/{id}"))
	require.ElementsMatch(t, append([]string{"tenant", "id"}, alertDetailParams...), names("/ui/alerts/{tenant}/{id}"))
	require.ElementsMatch(t, suppressionParams, names("/ui/suppressions"))
	require.ElementsMatch(t, responseParams, names("/ui/responses"))
	require.ElementsMatch(t, secretParams, names("/ui/secrets"))
	require.ElementsMatch(t, append([]string{"id"}, actorParams...), names("/ui/actors/{id}"))
	require.ElementsMatch(t, crossParams, names("/ui/tenants/cross-access"))
	searchPage := slices.DeleteFunc(slices.Clone(searchParams), func(p string) bool { return p == "format" }) // the page links to the exports
	require.ElementsMatch(t, searchPage, names("/ui/events/search"))
}
