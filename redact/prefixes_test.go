package redact_test

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestVendorPrefixTokens: each vendor's token, bare in a shell line, in a
// JSON value or after an equals sign, is redacted; the prefixes alone,
// or followed by too little, stay.
func TestVendorPrefixTokens(t *testing.T) {
	r := newRedactor(t, "0123456789abcdef")
	pick := picker(7, 9)
	alnum, lowerHex := "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", "0123456789abcdef"
	lower := "abcdefghijklmnopqrstuvwxyz0123456789"
	for _, tok := range []string{
		"dckr_pat_" + pick(27, alnum), "whsec_" + pick(32, alnum), "gsk_" + pick(52, alnum), "r8_" + pick(37, alnum),
		"xai-" + pick(80, alnum), "ntn_" + pick(46, alnum), "CCIPAT_" + pick(22, alnum) + "_" + pick(40, lowerHex),
		"bkua_" + pick(40, lower), "tskey-auth-" + pick(11, alnum) + "-" + pick(33, alnum), "CFPAT-" + pick(43, alnum),
		"figd_" + pick(40, alnum), "sbp_" + pick(40, lowerHex), "sgp_" + pick(16, lowerHex) + "_" + pick(40, lowerHex),
		"oy2" + pick(43, lower), "dG9rOj" + pick(56, alnum) + "=", "AKID" + pick(32, alnum), "hvb." + pick(120, alnum),
		"1//0" + pick(60, alnum), "EAAB" + pick(150, alnum), "sk.eyJ" + pick(60, alnum) + "." + pick(22, alnum),
		"pat" + pick(14, alnum) + "." + pick(64, lowerHex), "AAAAAAAAAAAAAAAAAAAAA" + pick(20, alnum) + "%2B" + pick(40, alnum),
		"api-" + uuid(pick), "sdk-" + uuid(pick), "2/" + pick(16, "0123456789") + "/" + pick(16, "0123456789") + ":" + pick(32, lowerHex),
		"1/" + pick(16, "0123456789") + ":" + pick(32, alnum), "u+" + pick(18, alnum+"_-"), pick(86, alnum+"+/") + "==",
	} {
		secret := tok[len(tok)-12:]
		requireScrubbed(t, r, secret, "echo "+tok+" > ~/.config/acme/session", `{"env":{"X":"`+tok+`"}}`, "token="+tok+"; next")
	}
	requireUntouched(t, r, "docs: dckr_pat_ tokens, whsec_ secrets, gsk_ keys and r8_ tokens", `{"note":"AKID rotation","path":"/v1/sk.eyJ"}`,
		"r8_config_file "+strings.Repeat("x", 10), `{"path":"/v1/patterns","request_id":"api-gateway-7f9c"}`,
		"integrity sha512-"+pick(86, alnum+"+/")+"==", "emoji u+1f600 and U+1F601", "Mozilla/5.0.1 Node.js/20.11.1")
}

// TestCloudKeyPairs: a cloud key id followed by its secret (AWS, Alibaba,
// Scaleway, Tencent) in a shell line, a CSV row, a colon pair or a JSON
// list has the secret redacted; an id beside an ordinary word keeps the word.
func TestCloudKeyPairs(t *testing.T) {
	r := newRedactor(t, "0123456789abcdef")
	pick := picker(3, 5)
	alnum, upper := "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
	for _, pair := range [][2]string{
		{"AKIA" + pick(16, upper), pick(38, alnum) + "/+"}, {"ASIA" + pick(16, upper), pick(40, alnum)},
		{"LTAI" + pick(20, alnum), pick(30, alnum)}, {"SCW" + pick(17, upper), uuid(pick)},
		{"AKID" + pick(32, alnum), pick(32, alnum)},
	} {
		id, secret := pair[0], pair[1]
		requireScrubbed(t, r, secret, "echo "+id+" "+secret+" > ~/.config/acme/session",
			"ci-deployer,"+id+","+secret+",https://console", id+":"+secret, `{"args":["`+id+`", "`+secret+`"]}`,
			`{"cmd":"printf '`+id+`\t`+secret+`'"}`)
	}
	for _, in := range []string{"rotated AKIA" + pick(16, upper) + " yesterday_and_the_day_before_that_too", "key LTAI" + pick(20, alnum) + " owner platform_team_of_the_payments_area"} {
		out, _ := r.Message([]byte(in))
		require.Contains(t, string(out), in[strings.LastIndexByte(in, ' ')+1:])
	}
}

// TestWebhookURLSecrets: the secret path of IFTTT, Zapier and Mattermost
// webhook URLs (a GitHub hook's config.url, a curl line) is redacted; the
// rest of the URL and other hooks paths stay.
func TestWebhookURLSecrets(t *testing.T) {
	r := newRedactor(t, "0123456789abcdef")
	for _, c := range [][2]string{
		{"https://maker.ifttt.com/trigger/deploy/with/key/", "dXk3Lq9ZpW2mN8vR4tY6"},
		{"https://maker.ifttt.com/trigger/prod_alert/json/with/key/", "b_4Tq9ZpW2mN8vR4tY6xx"},
		{"https://hooks.zapier.com/hooks/catch/1234567/", "3fa9kd2"},
		{"https://chat.acme.io/hooks/", "x1y2z3a4b5c6d7e8f9g0h1i2j3"},
	} {
		url := c[0] + c[1]
		requireScrubbed(t, r, c[1], `{"config":{"url":"`+url+`","content_type":"json"}}`, "curl -X POST "+url+" -d '{}'")
	}
	requireUntouched(t, r, `{"url":"https://git.acme.io/hooks/post-receive"}`, `{"url":"https://maker.ifttt.com/"}`)
}

// uuid is a random lower-case UUID from pick.
func uuid(pick func(int, string) string) string {
	h := "0123456789abcdef"
	return pick(8, h) + "-" + pick(4, h) + "-" + pick(4, h) + "-" + pick(4, h) + "-" + pick(12, h)
}

// picker returns a function of n characters drawn from a set, seeded.
func picker(seed1, seed2 uint64) func(n int, from string) string {
	rng := rand.New(rand.NewPCG(seed1, seed2))
	return func(n int, from string) string {
		b := make([]byte, n)
		for i := range b {
			b[i] = from[rng.IntN(len(from))]
		}
		return string(b)
	}
}
