package policy_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestBrokenPolicyLoad: policies that cannot answer fail to load, clearly.
func TestBrokenPolicyLoad(t *testing.T) {
	for name, c := range map[string]struct{ src, err string }{
		"no files":      {"", "no module is package credwatch.response (0 .rego files)"},
		"wrong package": {"package credwatch.respond\n\ndecision := {}\n", "no module is package credwatch.response"},
		"no decision":   {"package credwatch.response\n\nverdict := {}\n", "package credwatch.response defines no decision rule"},
		"syntax":        {"package credwatch.response\n\ndecision := {\n", "rego_parse_error"},
		"compile":       {"package credwatch.response\n\ndecision := x if { y == 1 }\n", "compile"},
	} {
		t.Run(name, func(t *testing.T) {
			files := map[string]string{}
			if c.src != "" {
				files["p.rego"] = c.src
			}
			_, err := writePolicy(t, files)
			require.ErrorContains(t, err, c.err)
			require.ErrorContains(t, err, "response policy")
		})
	}
}

// TestBrokenPolicyDecide: a loaded policy whose answer is not exactly one
// valid decision gives an error naming what is wrong, never a decision.
func TestBrokenPolicyDecide(t *testing.T) {
	const pkg = "package credwatch.response\n\n"
	for name, c := range map[string]struct{ src, err string }{
		"undefined": {pkg + `decision := {"action": "auto", "reason": "r"} if input.alert.tier == "x"`, "no decision (the policy needs a default decision)"},
		"conflict": {pkg + `decision := {"action": "auto", "reason": "a"} if input.alert.rule
decision := {"action": "none", "reason": "b"} if input.alert.tier`, "conflicting decisions"},
		"bad action":    {pkg + `decision := {"action": "revoke", "reason": "r"}`, `decision.action "revoke" is not one of auto, approve, notify, none`},
		"no action":     {pkg + `decision := {"reason": "r"}`, "decision.action <nil> is not one of"},
		"empty reason":  {pkg + `decision := {"action": "auto", "reason": ""}`, "decision.reason is empty"},
		"no reason":     {pkg + `decision := {"action": "auto"}`, "decision.reason is not a string (got <nil>)"},
		"number reason": {pkg + `decision := {"action": "auto", "reason": 3}`, "decision.reason is not a string (got 3)"},
		"set":           {pkg + `decision contains {"action": "auto", "reason": "a"}` + "\n" + `decision contains {"action": "none", "reason": "b"}`, "decision is a set of 2 values"},
		"string":        {pkg + `decision := "auto"`, "decision is string, not an object"},
	} {
		t.Run(name, func(t *testing.T) {
			p, err := writePolicy(t, map[string]string{"p.rego": c.src})
			require.NoError(t, err)
			in := inputFor(newAlert(alert("leaked_token_used", "critical", "revoke", "acme", "tok_1", nil)), token("tok_1", "write", "acme"))
			d, err := p.Decide(context.Background(), in)
			require.ErrorContains(t, err, c.err)
			require.ErrorContains(t, err, "response policy: alert alr_leaked_token_used (rule leaked_token_used)")
			require.Zero(t, d)
		})
	}
}

// TestDecideCanceled: a canceled context stops evaluation with an error.
func TestDecideCanceled(t *testing.T) {
	p, err := writePolicy(t, map[string]string{"p.rego": strict})
	require.NoError(t, err)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err = p.Decide(ctx, inputFor(newAlert(alert("enumeration", "high", "revoke", "acme", "tok_1", nil)), token("tok_1", "write", "acme")))
	require.ErrorIs(t, err, context.Canceled)
	require.ErrorContains(t, err, "evaluate")
}
