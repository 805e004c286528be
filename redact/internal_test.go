package redact

import (
	"bytes"
	"encoding/json"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestAutomatonFindsWhatSearchingFinds compares the prefilter, which scans
// long texts in four interleaved lanes, with a plain search for each literal.
func TestAutomatonFindsWhatSearchingFinds(t *testing.T) {
	lits := []string{"ey", "key", "token", "-----begin", "sk_live", "a", "aa", "hooks.slack.com"}
	once := make([]bool, len(lits))
	once[5] = true
	a, err := newAutomaton(lits, once)
	require.NoError(t, err)
	rng := rand.New(rand.NewPCG(1, 2))
	alphabet := []string{"e", "y", "K", "E", "Y", "token", "-----BEGIN", "sk_live", "a", " ", "hooks.Slack.com", "x"}
	for range 300 {
		var sb strings.Builder
		for n := rng.IntN(400); n > 0; n-- {
			sb.WriteString(alphabet[rng.IntN(len(alphabet))])
		}
		text := sb.String()
		var seen litset
		got := a.scan([]byte(text), nil, &seen)
		var want []hit
		lower := strings.ToLower(text)
		for end := 1; end <= len(text); end++ {
			for p, l := range lits {
				if strings.HasSuffix(lower[:end], l) && !once[p] {
					want = append(want, hit{int32(end), int32(p)})
				}
			}
		}
		onceHits := slices.DeleteFunc(slices.Clone(got), func(h hit) bool { return !once[h.pat] })
		require.Len(t, onceHits, min(1, strings.Count(lower, "a")), "a once-only literal is reported once")
		got = slices.DeleteFunc(got, func(h hit) bool { return once[h.pat] })
		require.True(t, slices.IsSortedFunc(got, func(x, y hit) int { return int(x.end - y.end) }))
		slices.SortStableFunc(got, func(x, y hit) int { return int(x.end-y.end)*100 + int(x.pat-y.pat) })
		require.Equal(t, want, slices.Clip(append([]hit(nil), got...)), text)
	}
}

// TestLiteralsAcrossTheLanesCuts puts a literal across each cut between
// lanes at every offset, in texts of each length around a lane's minimum.
func TestLiteralsAcrossTheLanesCuts(t *testing.T) {
	lits := []string{"hooks.slack.com", "slack", "ok"}
	a, err := newAutomaton(lits, make([]bool, len(lits)))
	require.NoError(t, err)
	for size := lanes * minLane; size < lanes*minLane+lanes*3; size++ {
		q := size / lanes
		for cut := q; cut < lanes*q; cut += q {
			for shift := 1; shift < len(lits[0]); shift++ {
				text := []byte(strings.Repeat("x", size))
				copy(text[cut-shift:], "HOOKS.slack.COM")
				var seen litset
				got := a.scan(text, nil, &seen)
				end := int32(cut - shift + len(lits[0]))
				want := []hit{{end - 11, 2}, {end - 4, 1}, {end, 0}}
				require.Equal(t, want, got, "size %d, cut %d, shift %d", size, cut, shift)
			}
		}
	}
}

func TestUnescape(t *testing.T) {
	for in, want := range map[string]string{
		`\u0068f_x`:             "hf_x",
		`\ud83d\ude00!`:         "\U0001F600!",
		`\ud83d alone`:          "\uFFFD alone",
		`a\nb\tc\"d\\e\/f\rg`:   "a\nb\tc\"d\\e/f\rg",
		`bad \u12 and \x and \`: `bad \u12 and \x and \`,
		`\\u0068`:               `\u0068`,
	} {
		require.Equal(t, want, string(unescape(nil, []byte(in))), in)
	}
}

func TestPiecesKeepEscapesAndQuotes(t *testing.T) {
	for in, want := range map[string][]string{
		`abc\u00e9def`: {`abc\u00e9def`},
		`abc","def`:    {`abc`, `def`},
		`\"abc\"`:      {`\"abc\"`},
	} {
		b := []byte(`X` + in + `Y`)
		var got []string
		forPieces(b, 1, len(b)-1, func(s, e int) { got = append(got, string(b[s:e])) })
		require.Equal(t, want, got, in)
	}
	b := []byte(`"a\u00e9b"`)
	var got []string
	forPieces(b, 4, 9, func(s, e int) { got = append(got, string(b[s:e])) }) // starts inside \u00e9
	require.Equal(t, []string{`b`}, got)
	got = nil
	forPieces(b, 1, 5, func(s, e int) { got = append(got, string(b[s:e])) }) // ends inside it
	require.Equal(t, []string{`a`}, got)
}

func TestBareNumbersBecomeStrings(t *testing.T) {
	r, err := New([]byte("0123456789abcdef"))
	require.NoError(t, err)
	in := []byte(`{"discord_token": 123456789012345678 }`)
	out, kinds := r.Bytes(in)
	require.Equal(t, []string{"discord-client-id"}, kinds)
	require.True(t, bytes.HasPrefix(out, []byte(`{"discord_token": "redacted:`)), string(out))
}

func TestIsReference(t *testing.T) {
	b := []byte(`x redacted:0123456789abcdef y`)
	require.True(t, isReference(b, 2, 27))
	require.True(t, isReference(b, 11, 27))
	require.False(t, isReference(b, 11, 28))
	require.False(t, isReference(b, 0, 5))
}

func TestExclusionsNameRealRules(t *testing.T) {
	var ex gitleaksExtract
	require.NoError(t, json.Unmarshal(gitleaksJSON, &ex))
	for _, id := range []string{"generic-api-key", "hashicorp-tf-password", "sourcegraph-access-token", "pkcs12-file"} {
		require.NotEmpty(t, gitleaksExclusion(id))
		require.True(t, slices.ContainsFunc(ex.Rules, func(r gitleaksRule) bool { return r.ID == id }), id)
	}
	rules, err := gitleaksRules()
	require.NoError(t, err)
	require.Len(t, rules, len(ex.Rules)-4)
}
