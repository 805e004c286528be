package policy_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/respond/policy"
)

// writePolicy writes files (name → source) to a fresh directory and loads it.
func writePolicy(t *testing.T, files map[string]string) (*policy.Policy, error) {
	t.Helper()
	dir := t.TempDir()
	for name, src := range files {
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), []byte(src), 0o600))
	}
	return policy.Load(context.Background(), os.DirFS(dir))
}

// strict holds every revocation for an analyst and notifies the rest.
const strict = `package credwatch.response

default decision := {"action": "notify", "reason": "strict policy: notify only"}

decision := {"action": "approve", "reason": sprintf("strict policy: %s held for an analyst", [input.alert.rule])} if {
	input.alert.tier == "revoke"
}
`

const strictTest = `package credwatch.response_test

import data.credwatch.response

test_revoke_tier_is_held if {
	d := response.decision with input as {"alert": {"rule": "leaked_token_used", "tier": "revoke"}}
	d.action == "approve"
}
`

// TestCustomPolicyReplacesDefault: a policy from a directory is used as is,
// and its own tests run.
func TestCustomPolicyReplacesDefault(t *testing.T) {
	p, err := writePolicy(t, map[string]string{"strict.rego": strict, "strict_test.rego": strictTest})
	require.NoError(t, err)
	leaked := inputFor(newAlert(alert("leaked_token_used", "critical", "revoke", "acme", "tok_1", nil)), token("tok_1", "write", "acme"))
	d, err := p.Decide(context.Background(), leaked)
	require.NoError(t, err)
	require.Equal(t, policy.Decision{Action: policy.ActionApprove, Reason: "strict policy: leaked_token_used held for an analyst"}, d)
	dormant := inputFor(newAlert(alert("dormant_token_use", "medium", "notify", "acme", "tok_1", nil)), token("tok_1", "write", "acme"))
	d, err = p.Decide(context.Background(), dormant)
	require.NoError(t, err)
	require.Equal(t, policy.ActionNotify, d.Action)
	passed, failed, report, err := p.RunTests(context.Background())
	require.NoError(t, err)
	require.Equal(t, [2]int{1, 0}, [2]int{passed, failed}, report)
}

// TestFailingRegoTestIsReported: a policy whose tests fail reports them.
func TestFailingRegoTestIsReported(t *testing.T) {
	wrong := `package credwatch.response_test

import data.credwatch.response

test_wrong if {
	response.decision.action == "auto" with input as {"alert": {"tier": "revoke"}}
}
`
	p, err := writePolicy(t, map[string]string{"strict.rego": strict, "wrong_test.rego": wrong})
	require.NoError(t, err)
	passed, failed, report, err := p.RunTests(context.Background())
	require.NoError(t, err)
	require.Equal(t, [2]int{0, 1}, [2]int{passed, failed}, report)
	require.Contains(t, report, "FAIL data.credwatch.response_test.test_wrong")
}
