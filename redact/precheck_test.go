package redact

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestPrecheckNeverVetoesAMatch: wherever a legacy pattern with a precheck
// matches at an anchor, the precheck lets the try run.
func TestPrecheckNeverVetoesAMatch(t *testing.T) {
	c, err := loadCatalogue()
	require.NoError(t, err)
	rng := rand.New(rand.NewPCG(3, 5))
	alphabet := []string{"://", ":", "/", "@", "u", "9", " ", "\t", "?", "#", `"`, `'`, `\`, "[", "]", "é", "\f", "\v", "%2F"}
	matched := 0
	for range 20000 {
		var sb strings.Builder
		for n := rng.IntN(24); n > 0; n-- {
			sb.WriteString(alphabet[rng.IntN(len(alphabet))])
		}
		b := []byte(sb.String())
		for ri := range c.rules {
			r := &c.rules[ri]
			if r.pre == nil {
				continue
			}
			for at := strings.Index(string(b), "://"); at >= 0; at = nextAnchor(b, at) {
				end := min(len(b), at+r.width)
				if r.first.Match(b[at:end]) {
					matched++
					require.True(t, r.pre(b[at:end]), "%s vetoes a match in %q", r.kind, b)
				}
			}
		}
	}
	require.Positive(t, matched)
}

// nextAnchor is where the "://" after the one at b[at] starts, or -1.
func nextAnchor(b []byte, at int) int {
	if i := strings.Index(string(b[at+1:]), "://"); i >= 0 {
		return at + 1 + i
	}
	return -1
}
