package redact_test

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/redact"
)

const hfToken = "hf_abcdefghijklmnopqrstuvwxyzABCDEFGH"

// escapeAll spells every byte of s as \u00XX.
func escapeAll(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		fmt.Fprintf(&b, `\u%04x`, s[i])
	}
	return b.String()
}

func TestMessageLooksThroughEscapes(t *testing.T) {
	r := newRedactor(t, "0123456789abcdef")
	firstEscaped := `\u0068` + hfToken[1:]
	for in, want := range map[string][]string{
		`{"a":"` + firstEscaped + `"}`:                                          {"huggingface_token"},
		`{"a":{"b":["x","` + escapeAll(hfToken) + `"]}}`:                        {"huggingface_token"},
		`{"` + firstEscaped + `":"key holds it"}`:                               {"huggingface_token"},
		`{"pass\u0077ord":"hunter2"}`:                                           {redact.KindField},
		`{"note":"ghp\u005f0123456789abcdefghijklmnopqrstuvwxyz"}`:              {"github_token"},
		`{"log":"{\"inner\":\"\\u0068f_abcdefghijklmnopqrstuvwxyzABCDEFGH\"}"}`: {"huggingface_token"},
		`{"s":"\ud83d\ude00 ` + firstEscaped + `"}`:                             {"huggingface_token"},
	} {
		out, kinds := r.Message([]byte(in))
		require.Equal(t, want, kinds, in)
		require.True(t, json.Valid(out), "%s -> %s", in, out)
		var v any
		require.NoError(t, json.Unmarshal(out, &v))
		plain, _ := json.Marshal(v)
		require.NotContains(t, string(plain), "hunter2", in)
		require.NotContains(t, strings.ReplaceAll(string(out), `\\`, `\`), hfToken[3:], in)
	}
}

func TestMessageInvalidJSON(t *testing.T) {
	r := newRedactor(t, "0123456789abcdef")
	for _, in := range []string{
		`{"id":"hostile-1","note":"\u0068` + hfToken[1:] + `","unterminated":`,
		`not json \u0068` + hfToken[1:] + ` \n tail`,
		`{"a":"\u0068` + hfToken[1:] + `\u12",`,
		`{"password":"hun\u0074er2`,
	} {
		out, kinds := r.Message([]byte(in))
		require.NotEmpty(t, kinds, in)
		require.NotContains(t, string(out), hfToken[3:], in)
		require.NotContains(t, string(out), "hunter2", in)
	}
}

func TestMessageCleanIsUntouched(t *testing.T) {
	r := newRedactor(t, "0123456789abcdef")
	for _, in := range []string{cleanEvent, `{"a":"caf\u00e9 \n \"q\" \/ \\u0068f_short"}`, `{"broken":"\u12`} {
		msg := []byte(in)
		out, kinds := r.Message(msg)
		require.Empty(t, kinds, in)
		require.Same(t, &msg[0], &out[0], "the input itself comes back")
		require.Zero(t, testing.AllocsPerRun(20, func() { r.Message(msg) }), in)
	}
}

func TestMessageHostileSizes(t *testing.T) {
	r := newRedactor(t, "0123456789abcdef")
	secret := "ghp_0123456789abcdefghijklmnopqrstuvwxyz"
	for name, in := range map[string]string{
		"10k deep":            `{"a":` + strings.Repeat("[", 10000) + `"` + secret + `"` + strings.Repeat("]", 10000) + `}`,
		"10k deep escaped":    `{"a":` + strings.Repeat("[", 10000) + `"\u0067` + secret[1:] + `"` + strings.Repeat("]", 10000) + `}`,
		"100k deep unclosed":  strings.Repeat(`[{"a":`, 100000) + `"\u0067` + secret[1:] + `"`,
		"5 MB, secret at end": `{"pad":"` + strings.Repeat("token secret key ey sk ", 5<<20/23) + `","tail":"` + secret + `"}`,
		"5 MB run":            `{"pad":"` + secret + strings.Repeat("a", 5<<20) + `","tail":"` + secret + `"}`,
		"5 MB escaped":        `{"pad":"` + strings.Repeat(`\n\"x\": 1`, 5<<20/10) + `","tail":"\u0067` + secret[1:] + `"}`,
		"5 MB of anchors":     strings.Repeat("eyey", 5<<20/4) + " " + secret,
		"5 MB of escapes":     strings.Repeat("%22a&quot;", 5<<20/10) + " " + secret,
		"5 MB of base64 text": strings.Repeat("eyJhIjoiYiJ9 ", 5<<20/13) + " " + secret,
		"5 MB of one blob":    "eyJ" + strings.Repeat("YWFh", 5<<20/4) + " " + secret,
	} {
		start := time.Now()
		out, kinds := r.Message([]byte(in))
		took := time.Since(start)
		require.NotEmpty(t, kinds, name)
		require.NotContains(t, string(out), secret[4:], name)
		require.Less(t, took, 5*time.Second, name)
		t.Logf("%s: %d bytes in %v", name, len(in), took)
	}
}
