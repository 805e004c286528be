package detect

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/rules"
)

// TestFirstGuardsAreNative: every rule's cheapest guard is judged in Go,
// so that an event no rule can match costs no Rego: a rule whose first
// expression reads a rule's object value (ns.target), or calls a builtin,
// would send every event through the cached guard instead (once measured
// at +65 % per event). revoked_credential_used's guard is cached: its
// first expression reads the sequence fact's object.
func TestFirstGuardsAreNative(t *testing.T) {
	rs, err := LoadRules(context.Background(), rules.FS)
	require.NoError(t, err)
	cached := map[string]bool{"revoked_credential_used": true}
	for _, r := range rs.Rules {
		require.NotEmpty(t, r.guards, r.ID)
		require.Equal(t, !cached[r.ID], r.guards[0].native != nil, "%s: first guard judged in Go", r.ID)
	}
}
