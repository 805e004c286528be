package policy_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/respond/policy"
)

// TestResponsePolicyRegoTests runs every _test.rego of the default policy.
func TestResponsePolicyRegoTests(t *testing.T) {
	p, err := policy.Default(context.Background())
	require.NoError(t, err)
	passed, failed, report, err := p.RunTests(context.Background())
	require.NoError(t, err)
	t.Log("\n" + report)
	require.Zero(t, failed, report)
	require.GreaterOrEqual(t, passed, 30, report)
}

// TestDefaultPolicyMetadata: the default policy describes itself.
func TestDefaultPolicyMetadata(t *testing.T) {
	p, err := policy.Default(context.Background())
	require.NoError(t, err)
	require.Equal(t, "Default response policy", p.Title)
	require.Contains(t, p.Description, "revokes at once")
}
