package console

import (
	"encoding/json"
	"io"
	"net/http"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/console/access"
)

// operation is one endpoint as the OpenAPI document describes it.
type operation struct {
	Method     string
	Path       string
	Permission string // x-credwatch-permission; "" for a public one
	Params     []documentedParam
}

// documentedParam is one parameter of an operation.
type documentedParam struct {
	Name   string
	In     string
	Schema struct {
		Enum []any `json:"enum"`
	}
}

// permissions are the x-credwatch-permission values.
var permissions = map[string]access.Permission{"ReadAlerts": access.ReadAlerts, "Triage": access.Triage,
	"Investigate": access.Investigate, "Administer": access.Administer}

// documentedOperations are every operation of console/openapi.json, in a
// stable order.
func documentedOperations(t *testing.T) []operation {
	var doc struct {
		Paths map[string]map[string]struct {
			Permission string            `json:"x-credwatch-permission"`
			Parameters []documentedParam `json:"parameters"`
			Security   *[]any            `json:"security"`
		} `json:"paths"`
	}
	require.NoError(t, json.Unmarshal(openAPI, &doc))
	var ops []operation
	for path, methods := range doc.Paths {
		for method, op := range methods {
			if method == "parameters" {
				continue
			}
			_, known := permissions[op.Permission]
			public := op.Security != nil && len(*op.Security) == 0
			require.True(t, public || known,
				"%s %s: x-credwatch-permission %q is not one of ReadAlerts, Triage, Investigate, Administer", method, path, op.Permission)
			ops = append(ops, operation{Method: strings.ToUpper(method), Path: path, Permission: op.Permission, Params: op.Parameters})
		}
	}
	sort.Slice(ops, func(i, j int) bool { return ops[i].Path+ops[i].Method < ops[j].Path+ops[j].Method })
	return ops
}

// samplePath fills an operation's path parameters with value.
func samplePath(path, value string) string {
	for {
		i := strings.IndexByte(path, '{')
		j := strings.IndexByte(path, '}')
		if i < 0 || j < i {
			return path
		}
		path = path[:i] + value + path[j+1:]
	}
}

// roleTokens are an unscoped user of each role.
var roleTokens = map[access.Role]string{access.Viewer: "tok-viewer", access.Analyst: "tok-analyst",
	access.Investigator: "tok-investor", access.Admin: "tok-admin"}

// TestEachRoleMayDoExactlyWhatItsPermissionsAllow walks every documented
// operation with a user of each role: those whose role lacks the
// operation's permission get 403, the others never do; without a token,
// every operation but the public ones answers 401.
func TestEachRoleMayDoExactlyWhatItsPermissionsAllow(t *testing.T) {
	x := newRig(t)
	for _, op := range documentedOperations(t) {
		path := samplePath(op.Path, "acme")
		if op.Permission == "" {
			continue
		}
		code, body := x.do(t, op.Method, "", path, "{}")
		require.Equal(t, http.StatusUnauthorized, code, "%s %s without a token: %s", op.Method, path, body)
		for role, token := range roleTokens {
			code, body := x.do(t, op.Method, token, path, "{}")
			may := access.User{Role: role}.May(permissions[op.Permission])
			if may {
				require.NotContains(t, []int{http.StatusForbidden, http.StatusUnauthorized}, code, "%s %s as %s: %s", op.Method, path, role, body)
			} else {
				require.Equal(t, http.StatusForbidden, code, "%s %s as %s: %s", op.Method, path, role, body)
			}
		}
	}
}

// do sends method path with token (none when "") and, unless GET, body as
// JSON; it returns the status and body.
func (x *rig) do(t *testing.T, method, token, path, body string) (int, string) {
	var rd io.Reader
	if method != http.MethodGet {
		rd = strings.NewReader(body)
	}
	req, err := http.NewRequest(method, x.srv.URL+path, rd)
	require.NoError(t, err)
	req.Header.Set("Content-Type", "application/json")
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	return resp.StatusCode, string(b)
}
