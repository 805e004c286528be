package console

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"testing"

	"github.com/stretchr/testify/require"
)

// do sends method path with token and body (JSON-encoded unless a string
// or nil) and returns the status and body.
func (x *rig) do(t *testing.T, method, token, path string, body any) (int, []byte) {
	t.Helper()
	var r io.Reader
	switch b := body.(type) {
	case nil:
	case string:
		r = bytes.NewBufferString(b)
	default:
		raw, err := json.Marshal(b)
		require.NoError(t, err)
		r = bytes.NewReader(raw)
	}
	req, err := http.NewRequest(method, x.srv.URL+path, r)
	require.NoError(t, err)
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	out, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	return resp.StatusCode, out
}

// ok sends the request, requires want, and decodes the answer into out.
func (x *rig) ok(t *testing.T, want int, method, token, path string, body, out any) {
	t.Helper()
	code, raw := x.do(t, method, token, path, body)
	require.Equal(t, want, code, "%s %s: %s", method, path, raw)
	if out != nil {
		require.NoError(t, json.Unmarshal(raw, out), string(raw))
	}
}

// field is the parameter a 400 names (and requires the 400).
func (x *rig) field(t *testing.T, method, token, path string, body any) string {
	t.Helper()
	var e apiError
	x.ok(t, http.StatusBadRequest, method, token, path, body, &e)
	return e.Field
}

// actionsNamed are the action log's entries of action.
func (x *rig) actionsNamed(action string) []string {
	x.actions.mu.Lock()
	defer x.actions.mu.Unlock()
	var out []string
	for _, e := range x.actions.entries {
		if e.Action == action {
			out = append(out, e.Actor+" "+e.Tenant+"/"+e.Target)
		}
	}
	return out
}
