package console

import (
	"encoding/json"
	"maps"
	"slices"
	"testing"

	"github.com/stretchr/testify/require"
)

// openAPIDoc is what the tests read of the OpenAPI document.
type openAPIDoc struct {
	Paths map[string]map[string]struct {
		Parameters []struct {
			Name   string   `json:"name"`
			Fields []string `json:"x-fields"`
		} `json:"parameters"`
	} `json:"paths"`
	Components struct {
		Schemas map[string]struct {
			Properties map[string]any `json:"properties"`
			Required   []string       `json:"required"`
		} `json:"schemas"`
	} `json:"components"`
}

// TestOpenAPIDescribesForensics: the document lists exactly the
// parameters each new endpoint takes and the searchable fields; every key
// of each answer is a documented property, and every required one is there.
func TestOpenAPIDescribesForensics(t *testing.T) {
	x := newForensicRig(t)
	_, body := x.get(t, "", "/api/v1/openapi.json")
	var doc openAPIDoc
	require.NoError(t, json.Unmarshal(body, &doc))
	for path, want := range map[string][]string{
		"/api/v1/alerts/{tenant}/{id}": append([]string{"tenant", "id"}, alertDetailParams...),
		"/api/v1/secrets/history":      secretParams, "/api/v1/actors/{id}/activity": append([]string{"id"}, actorParams...),
		"/api/v1/tenants/cross-access": crossParams, "/api/v1/events/search": searchParams, "/api/v1/events/export": searchParams,
	} {
		var got []string
		for _, p := range doc.Paths[path]["get"].Parameters {
			got = append(got, p.Name)
			if p.Name == searchOpEq || p.Name == searchOpPrefix {
				require.Equal(t, eventCSVHeader()[1:len(searchFields)+1], p.Fields, "%s %s", path, p.Name)
			}
		}
		require.ElementsMatch(t, want, got, path)
	}
	for schema, path := range map[string]string{"AlertDetail": "/api/v1/alerts/globex/alr_page",
		"SecretHistory": "/api/v1/secrets/history?secret=sec_db", "ActorActivity": "/api/v1/actors/mallory/activity",
		"CrossAccess": "/api/v1/tenants/cross-access", "SearchResult": "/api/v1/events/search?limit=1&" + dayRange} {
		var v any
		x.getJSON(t, "tok-admin", path, &v)
		doc.check(t, schema, v)
	}
}

// check requires v's keys to be properties of schema and its required
// ones present, then checks nested objects against their $ref schemas.
func (d openAPIDoc) check(t *testing.T, schema string, v any) {
	obj, ok := v.(map[string]any)
	require.True(t, ok, "%s: not an object", schema)
	s, ok := d.Components.Schemas[schema]
	require.True(t, ok, "no schema %s", schema)
	for _, k := range s.Required {
		require.Contains(t, obj, k, "%s: required property missing", schema)
	}
	for _, k := range slices.Sorted(maps.Keys(obj)) {
		prop, ok := s.Properties[k].(map[string]any)
		require.True(t, ok, "%s.%s is not documented", schema, k)
		ref, _ := prop["$ref"].(string)
		if items, ok := prop["items"].(map[string]any); ok {
			ref, _ = items["$ref"].(string)
		}
		if ref == "" || obj[k] == nil {
			continue
		}
		name := ref[len("#/components/schemas/"):]
		if list, ok := obj[k].([]any); ok {
			for _, item := range list {
				d.check(t, name, item)
			}
			continue
		}
		d.check(t, name, obj[k])
	}
}
