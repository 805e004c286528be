package console

import (
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/console/access"
)

// operation is one endpoint as the OpenAPI document describes it.
type operation struct {
	Method     string
	Path       string
	Permission string // x-credwatch-permission; "" for a public one
	Session    bool   // a browser route: a session cookie, not a bearer token
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

// anyUser is the x-credwatch-permission of what every signed-in user may do.
const anyUser = "AnyUser"

// documentedPermissions are the x-credwatch-permission values but AnyUser.
var documentedPermissions = map[string]access.Permission{"ReadAlerts": access.ReadAlerts, "Triage": access.Triage,
	"Investigate": access.Investigate, "Administer": access.Administer}

// documentedOperations are every operation of console/openapi.json, in a
// stable order.
func documentedOperations(t *testing.T) []operation {
	var doc struct {
		Paths map[string]map[string]struct {
			Permission string            `json:"x-credwatch-permission"`
			Parameters []documentedParam `json:"parameters"`
			Security   *[]map[string]any `json:"security"`
		} `json:"paths"`
	}
	require.NoError(t, json.Unmarshal(openAPI, &doc))
	var ops []operation
	for path, methods := range doc.Paths {
		for method, op := range methods {
			if method == "parameters" {
				continue
			}
			_, known := documentedPermissions[op.Permission]
			public := op.Security != nil && len(*op.Security) == 0
			require.True(t, public || known || op.Permission == anyUser,
				"%s %s: x-credwatch-permission %q is not one of ReadAlerts, Triage, Investigate, Administer, AnyUser", method, path, op.Permission)
			session := op.Security != nil && len(*op.Security) == 1 && (*op.Security)[0]["session"] != nil
			ops = append(ops, operation{Method: strings.ToUpper(method), Path: path, Permission: op.Permission,
				Session: session, Params: op.Parameters})
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
	clk := &testClock{t: now}
	w := newWalker(newRigWith(t, func(c *Config) { c.Now = clk.Now }))
	for _, op := range documentedOperations(t) {
		path := samplePath(op.Path, "acme")
		if op.Permission == "" {
			continue
		}
		code, body := w.do(t, op, "", path, "{}")
		clk.advance(time.Minute) // past the failed-authentication limit's window
		if op.Session {
			require.Contains(t, []int{http.StatusSeeOther, http.StatusUnauthorized, http.StatusForbidden}, code,
				"%s %s without a session: %s", op.Method, path, body)
		} else {
			require.Equal(t, http.StatusUnauthorized, code, "%s %s without a token: %s", op.Method, path, body)
		}
		for role, token := range roleTokens {
			code, body := w.do(t, op, token, path, "{}")
			may := op.Permission == anyUser || access.User{Role: role}.May(documentedPermissions[op.Permission])
			if may {
				require.NotContains(t, []int{http.StatusForbidden, http.StatusUnauthorized}, code, "%s %s as %s: %s", op.Method, path, role, body)
			} else {
				require.Equal(t, http.StatusForbidden, code, "%s %s as %s: %s", op.Method, path, role, body)
			}
		}
	}
}

// walker sends requests as the rig's test users: with a bearer token, or
// for browser routes with a session signed in with that token.
type walker struct {
	x        *rig
	sessions map[string]string // by token
}

func newWalker(x *rig) *walker { return &walker{x: x, sessions: map[string]string{}} }

// do sends op's method on path as token's user (nobody when "") with body
// as JSON unless GET; it follows no redirect and returns the status and body.
func (w *walker) do(t *testing.T, op operation, token, path, body string) (int, string) {
	var rd io.Reader
	if op.Method != http.MethodGet {
		rd = strings.NewReader(body)
	}
	req, err := http.NewRequest(op.Method, w.x.srv.URL+path, rd)
	require.NoError(t, err)
	req.Header.Set("Content-Type", "application/json")
	switch {
	case token != "" && op.Session:
		id := w.session(t, token)
		req.AddCookie(&http.Cookie{Name: w.x.console.cookieName(), Value: id})
		if s, ok := w.x.console.sessions.get(id); ok {
			req.Header.Set("X-CSRF-Token", s.csrf)
		}
	case token != "":
		req.Header.Set("Authorization", "Bearer "+token)
	}
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := client.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	if op.Path == "/logout" {
		delete(w.sessions, token) // it ended
	}
	return resp.StatusCode, string(b)
}

// session signs token's user in once and returns the session id.
func (w *walker) session(t *testing.T, token string) string {
	if id, ok := w.sessions[token]; ok {
		return id
	}
	resp := doRequest(t, w.x.srv.URL, w.x.console.cookieName(), http.MethodPost, "/login", url.Values{"token": {token}}, "")
	c := sessionCookieOf(resp, w.x.console.cookieName())
	require.NotNil(t, c, "sign in with %s: %d", token, resp.StatusCode)
	w.sessions[token] = c.Value
	return c.Value
}
