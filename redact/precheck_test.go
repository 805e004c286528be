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

// TestCLIPrecheckNeverVetoesAMatch: wherever a client's pattern matches,
// its precheck lets the try run. Texts are a program, arguments, a dash, a
// letter and a value, each drawn with near misses.
func TestCLIPrecheckNeverVetoesAMatch(t *testing.T) {
	c, err := loadCatalogue()
	require.NoError(t, err)
	rng := rand.New(rand.NewPCG(7, 11))
	pick := func(xs ...string) string { return xs[rng.IntN(len(xs))] }
	matched := 0
	for range 20000 {
		b := []byte(pick("mysql", "sshpass", "redis-cli", "ldapsearch", "mongosh", "sqlcmd", "docker login", `az","login`,
			"smbclient", "helm registry login") + pick("", " -h db", `","-u","x`, " a1=\"x\"", "\n-x") +
			pick(" ", "\t", `","`, `" a2="`, `\" a3=\"`, "", "x") + pick("-", "‐", "–", "--", "") +
			pick("p", "a", "w", "P", "U", "-user=", "user ") + pick("", " ", `","`, "\t") +
			pick("S3cret", "'pw x'", `\"pw\"`, "bob%pw", "-x", "", `"pw"`) + pick("", " db", `"]`))
		for ri := range c.rules {
			r := &c.rules[ri]
			if r.kind != KindCLIPassword {
				continue
			}
			for at := range b {
				end := min(len(b), at+r.width)
				if r.first.Match(b[at:end]) {
					matched++
					require.True(t, r.pre(b[at:end]), "rule %d vetoes a match in %q", ri, b)
				}
			}
		}
	}
	require.Greater(t, matched, 200)
}
