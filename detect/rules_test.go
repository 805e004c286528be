package detect_test

import (
	"context"
	"os"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/detect"
	"github.com/credwatch/credwatch/rules"
)

// TestRegoRuleTests runs every _test.rego of the embedded rules.
func TestRegoRuleTests(t *testing.T) {
	rs, err := detect.LoadRules(context.Background(), rules.FS)
	require.NoError(t, err)
	results, err := rs.RunRuleTests(context.Background())
	require.NoError(t, err)
	require.NotEmpty(t, results)
	_, failed := detect.ReportRuleTests(os.Stdout, results)
	require.Zero(t, failed)
}

// TestEveryRuleHasMetadataAndTests: each rule carries # METADATA and a
// _test.rego with at least one test.
func TestEveryRuleHasMetadataAndTests(t *testing.T) {
	rs, err := detect.LoadRules(context.Background(), rules.FS)
	require.NoError(t, err)
	results, err := rs.RunRuleTests(context.Background())
	require.NoError(t, err)
	tested := map[string]bool{}
	for _, r := range results {
		tested[r.Package] = true
	}
	for _, r := range rs.Rules {
		require.NotEmpty(t, r.Title, r.ID)
		require.NotEmpty(t, r.Description, r.ID)
		require.True(t, tested["data.credwatch.rules."+r.ID+"_test"] || tested["credwatch.rules."+r.ID+"_test"],
			"rule %s has no tests (packages tested: %v)", r.ID, tested)
	}
}
