package redact_test

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// argShapes puts the command line args where events carry one: a
// Kubernetes audit pod's container args, an ECS RunTask override seen by
// CloudTrail, a GitHub Actions step, JSON inside a log line, a Python list
// in text, and the line itself as one string.
func argShapes(args ...string) []string {
	js := jsonf(`[%q`, args[0])
	py, line := `['`+args[0]+`'`, args[0]
	for _, a := range args[1:] {
		js, py, line = js+jsonf(`, %q`, a), py+`, '`+a+`'`, line+" "+a
	}
	js, py = js+"]", py+"]"
	esc := jsonf(`%q`, js)
	return []string{
		`{"apiVersion":"audit.k8s.io/v1","requestObject":{"kind":"Pod","spec":{"containers":[{"name":"app","args":` + js + `}]}}}`,
		`{"eventSource":"ecs.amazonaws.com","requestParameters":{"overrides":{"containerOverrides":[{"command":` + js + `}]}}}`,
		`{"action":"workflows.completed_workflow_run","steps":[{"run":` + jsonf(`%q`, line) + `}]}`,
		`{"log":` + esc + `}`, `subprocess ` + py + ` exited 1`, line, jsonf(`{"cmd":%q}`, line),
	}
}

func TestFlagArguments(t *testing.T) {
	r := newRedactor(t, "0123456789abcdef")
	const v = "Hunter2-v4lue"
	for _, flag := range []string{"--db-password", "--password", "--token", "--api-key", "--client-secret", "--DB_PASS", "--auth-token", "--signing-key"} {
		for _, args := range [][]string{{"app", flag, v}, {flag, v, "--verbose"}, {"app", "-v", flag, v, "serve"}} {
			requireScrubbed(t, r, v, argShapes(args...)...)
		}
		out, _ := r.Message([]byte(jsonf(`{"args":["serve",%q,%q,"--port","8080"]}`, flag, v)))
		require.Contains(t, string(out), jsonf(`"serve",%q,"redacted:`, flag))
		require.Contains(t, string(out), `"--port","8080"]`)
	}
}

// TestOrdinaryArguments: a short flag is too ambiguous to follow (-p is a
// port as often as a password); a flag for a file or a name, a switch, or a
// flag followed by another flag has no secret after it.
func TestOrdinaryArguments(t *testing.T) {
	r := newRedactor(t, "0123456789abcdef")
	for _, args := range [][]string{
		{"mysql", "-p", "8080"}, {"docker", "login", "--password-stdin", "registry.example.com"},
		{"app", "--password-file", "/run/secrets/pw"}, {"kubectl", "--token-file", "/var/run/token"},
		{"app", "--secret-name", "db"}, {"psql", "--no-password", "mydb"}, {"ansible-playbook", "--ask-pass", "site.yml"},
		{"app", "--password", "--verbose"}, {"hf", "--tokenizer", "gpt2"}, {"app", "--verbose", "hunter"},
		{"app", "--token-id", "tok_1"}, {"app", "--bypass", "cache"},
	} {
		for _, in := range argShapes(args...) {
			requireUntouched(t, r, in)
		}
	}
	requireUntouched(t, r, `{"a":["x","--password"],"b":"y"}`, `{"x":"--password","y":"z"}`, `{"a":"--password"}`)
}
