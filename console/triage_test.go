package console

import (
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestTriageLifecycle: acknowledge, assign, note, close, reopen, each in
// the history with who and the state it left; actions the state does not
// allow are 409s that change nothing; every action is in the action log.
func TestTriageLifecycle(t *testing.T) {
	x := newRig(t)
	const base = "/api/v1/alerts/acme/alr_acme_0/"
	var done triageDone
	x.ok(t, http.StatusOK, "POST", "tok-acme", base+"acknowledge", nil, &done)
	require.Equal(t, []any{"acme", "alr_acme_0", uint32(1), "acknowledged", "ann"},
		[]any{done.Tenant, done.ID, done.Entry.Seq, done.Entry.Status, done.Entry.By})
	x.ok(t, http.StatusConflict, "POST", "tok-acme", base+"acknowledge", nil, nil)
	x.ok(t, http.StatusOK, "POST", "tok-acme", base+"assign", map[string]string{"assignee": "bob"}, &done)
	require.Equal(t, []string{"acknowledged", "bob"}, []string{done.Entry.Status, done.Entry.Assignee})
	x.ok(t, http.StatusOK, "POST", "tok-admin", base+"notes", map[string]string{"text": "token used from\na VPS"}, nil)
	x.ok(t, http.StatusOK, "POST", "tok-acme", base+"close", map[string]string{"reason": "true_positive", "note": "revoked"}, &done)
	require.Equal(t, []string{"closed", "true_positive", "bob"}, []string{done.Entry.Status, done.Entry.CloseReason, done.Entry.Assignee})
	x.ok(t, http.StatusConflict, "POST", "tok-acme", base+"close", map[string]string{"reason": "benign"}, nil)
	x.ok(t, http.StatusConflict, "POST", "tok-acme", base+"assign", map[string]string{"assignee": "eve"}, nil)
	x.ok(t, http.StatusOK, "POST", "tok-acme", base+"notes", map[string]string{"text": "notes go on a closed alert"}, nil)
	x.ok(t, http.StatusOK, "POST", "tok-admin", base+"reopen", map[string]string{"note": "it came back"}, &done)
	require.Equal(t, []string{"acknowledged", ""}, []string{done.Entry.Status, done.Entry.CloseReason})
	x.ok(t, http.StatusConflict, "POST", "tok-acme", base+"reopen", nil, nil)

	var v TriageView
	x.ok(t, http.StatusOK, "GET", "tok-viewer", base+"triage", nil, &v)
	require.Equal(t, []string{"acknowledged", "bob", ""}, []string{v.Status, v.Assignee, v.CloseReason})
	var steps []string
	for i, e := range v.History {
		require.Equal(t, uint32(i+1), e.Seq)
		steps = append(steps, e.Action+" "+e.Status+" "+e.By+" "+e.Note)
	}
	require.Equal(t, []string{"acknowledge acknowledged ann ", "assign acknowledged ann ",
		"note acknowledged ada token used from\na VPS", "close closed ann revoked", "note closed ann notes go on a closed alert",
		"reopen acknowledged ada it came back"}, steps)
	require.Equal(t, []string{"ann acme/alr_acme_0"}, x.actionsNamed("alert.acknowledge"))
	require.Equal(t, []string{"ada acme/alr_acme_0", "ann acme/alr_acme_0"}, x.actionsNamed("alert.note"))
	require.Len(t, x.actionsNamed("alert.triage"), 1)

	x.ok(t, http.StatusOK, "GET", "tok-acme", "/api/v1/alerts/acme/alr_acme_1/triage", nil, &v)
	require.Equal(t, []any{"new", "", 0}, []any{v.Status, v.Assignee, len(v.History)}, "an untouched alert is new")
}

// TestTriagePermissionsAndScope: only analysts and admins act, every role
// reads; an alert of another tenant answers exactly as a missing one.
func TestTriagePermissionsAndScope(t *testing.T) {
	x := newRig(t)
	for _, tok := range []string{"tok-viewer", "tok-two", "tok-initech", "tok-acme-investigator"} {
		for _, a := range []string{"acknowledge", "reopen"} {
			x.ok(t, http.StatusForbidden, "POST", tok, "/api/v1/alerts/acme/alr_acme_0/"+a, nil, nil)
		}
		x.ok(t, http.StatusForbidden, "POST", tok, "/api/v1/alerts/bulk", map[string]any{"action": "acknowledge"}, nil)
	}
	_, missing := x.do(t, "POST", "tok-acme", "/api/v1/alerts/acme/alr_none/acknowledge", nil)
	for _, c := range []struct{ token, path string }{
		{"tok-acme", "/api/v1/alerts/globex/alr_globex_0/"}, {"tok-acme", "/api/v1/alerts/acme/alr_globex_0/"},
		{"tok-nobody", "/api/v1/alerts/acme/alr_acme_0/"}, {"tok-injected", "/api/v1/alerts/acme/alr_acme_0/"},
		{"tok-injected", "/api/v1/alerts/acme'%20OR%20'1'='1/alr_acme_0/"}, {"tok-acme", "/api/v1/alerts/acme/" + strings.Repeat("a", 300) + "/"},
	} {
		code, body := x.do(t, "POST", c.token, c.path+"acknowledge", nil)
		require.Equal(t, http.StatusNotFound, code, c.path)
		require.Equal(t, string(missing), string(body), "out of scope answers as missing")
		code, _ = x.do(t, "GET", c.token, c.path+"triage", nil)
		require.Equal(t, http.StatusNotFound, code, c.path)
	}
	code, _ := x.do(t, "GET", "tok-initech", "/api/v1/alerts/globex/alr_globex_1/triage", nil)
	require.Equal(t, http.StatusNotFound, code)
	x.ok(t, http.StatusOK, "GET", "tok-initech", "/api/v1/alerts/initech/alr_initech_1/triage", nil, nil)
	x.ok(t, http.StatusOK, "POST", "tok-admin", "/api/v1/alerts/globex/alr_globex_0/acknowledge", nil, nil)
	require.Empty(t, x.actionsNamed("alert.acknowledge")[1:], "refused and missing ones are not actions")
	x.actions.fail = true
	x.ok(t, http.StatusServiceUnavailable, "POST", "tok-admin", "/api/v1/alerts/initech/alr_initech_0/acknowledge", nil, nil)
	x.actions.fail = false
	var v TriageView
	x.ok(t, http.StatusOK, "GET", "tok-admin", "/api/v1/alerts/initech/alr_initech_0/triage", nil, &v)
	require.Equal(t, "new", v.Status, "nothing is done that is not on the record")
}

// TestTriageRejectsBadBodies: 400s naming the field.
func TestTriageRejectsBadBodies(t *testing.T) {
	x := newRig(t)
	const base = "/api/v1/alerts/acme/alr_acme_0/"
	for _, c := range []struct {
		path  string
		body  any
		field string
	}{
		{"close", map[string]string{"reason": "meh"}, "reason"},
		{"close", map[string]string{}, "reason"},
		{"close", nil, "body"},
		{"close", map[string]string{"reason": "benign", "note": strings.Repeat("n", 5000)}, "note"},
		{"assign", map[string]string{"assignee": ""}, "assignee"},
		{"assign", map[string]string{"assignee": "bo\x00b"}, "assignee"},
		{"assign", map[string]string{"assignee": "bob", "reason": "benign"}, "reason"},
		{"notes", map[string]string{"text": "  "}, "text"},
		{"notes", map[string]string{"text": strings.Repeat("n", 4097)}, "text"},
		{"notes", map[string]string{"note": "x"}, "note"},
		{"notes", `{"text": 5}`, "text"},
		{"notes", `{"text": "a"} {"text": "b"}`, "body"},
		{"acknowledge", `{"note": "x"`, "body"},
		{"acknowledge", `[]`, "body"},
		{"reopen", map[string]string{"status": "new"}, "status"},
		{"notes", `{"text": "` + strings.Repeat("x", 70000) + `"}`, "body"},
	} {
		require.Equal(t, c.field, x.field(t, "POST", "tok-acme", base+c.path, c.body), "%s %v", c.path, c.body)
	}
	var v TriageView
	x.ok(t, http.StatusOK, "GET", "tok-acme", base+"triage", nil, &v)
	require.Empty(t, v.History)
}
