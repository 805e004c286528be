package bench

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// TestStateFigure prints the baselines' bytes per credential (make bench
// measures it at 1M credentials) and requires every credential past the
// forget horizon to be dropped.
func TestStateFigure(t *testing.T) {
	r := measureState(200_000)
	t.Logf("figure: %d credentials hold %.0f B each; %d left after the forget horizon",
		r.credentials, r.perCredential(), r.forgotten)
	require.Equal(t, 1, r.forgotten, "only the credential of the event after the horizon")
}
