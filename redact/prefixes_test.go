package redact_test

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// TestVendorPrefixTokens: each vendor's token, bare in a shell line, in a
// JSON value or after an equals sign, is redacted; the prefixes alone,
// or followed by too little, stay.
func TestVendorPrefixTokens(t *testing.T) {
	r := newRedactor(t, "0123456789abcdef")
	rng := rand.New(rand.NewPCG(7, 9))
	alnum, lowerHex := "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", "0123456789abcdef"
	pick := func(n int, from string) string {
		b := make([]byte, n)
		for i := range b {
			b[i] = from[rng.IntN(len(from))]
		}
		return string(b)
	}
	lower := "abcdefghijklmnopqrstuvwxyz0123456789"
	for _, tok := range []string{
		"dckr_pat_" + pick(27, alnum), "whsec_" + pick(32, alnum), "gsk_" + pick(52, alnum), "r8_" + pick(37, alnum),
		"xai-" + pick(80, alnum), "ntn_" + pick(46, alnum), "CCIPAT_" + pick(22, alnum) + "_" + pick(40, lowerHex),
		"bkua_" + pick(40, lower), "tskey-auth-" + pick(11, alnum) + "-" + pick(33, alnum), "CFPAT-" + pick(43, alnum),
		"figd_" + pick(40, alnum), "sbp_" + pick(40, lowerHex), "sgp_" + pick(16, lowerHex) + "_" + pick(40, lowerHex),
		"oy2" + pick(43, lower), "dG9rOj" + pick(56, alnum) + "=", "AKID" + pick(32, alnum), "hvb." + pick(120, alnum),
		"1//0" + pick(60, alnum), "EAAB" + pick(150, alnum), "sk.eyJ" + pick(60, alnum) + "." + pick(22, alnum),
	} {
		secret := tok[len(tok)-12:]
		requireScrubbed(t, r, secret, "echo "+tok+" > ~/.config/acme/session", `{"env":{"X":"`+tok+`"}}`, "token="+tok+"; next")
	}
	requireUntouched(t, r, "docs: dckr_pat_ tokens, whsec_ secrets, gsk_ keys and r8_ tokens", `{"note":"AKID rotation","path":"/v1/sk.eyJ"}`,
		"r8_config_file "+strings.Repeat("x", 10))
}
