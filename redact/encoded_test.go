package redact_test

import (
	"net/url"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// nested carries u as a parameter of another URL: encoded once (a login's
// next=, an OAuth redirect_uri, a proxy's target) or twice (a redirect of a
// redirect), with lower- or upper-case hex, first or last in the outer query.
func nested(u string) []string {
	once := url.QueryEscape(u)
	twice := url.QueryEscape(once)
	return []string{
		"https://sso.example.com/login?next=" + once,
		"https://sso.example.com/login?client_id=web&redirect_uri=" + once + "&state=af0ifjsldkj",
		"https://proxy.example.net/go?u=" + strings.ToLower(once),
		"https://sso.example.com/logout?continue=" + twice + "&hl=en",
	}
}

func TestEncodedQuerySecrets(t *testing.T) {
	r := newRedactor(t, "0123456789abcdef")
	const v = "S3cr3tV4lueXq9Zt"
	for _, param := range []string{
		"token", "access_token", "Password", "client_secret", "api_key", "X-Amz-Signature",
		"X-Amz-Security-Token", "sig", "key", "signature",
	} {
		for _, u := range queryURLs(param, v) {
			for _, outer := range nested(u) {
				requireScrubbed(t, r, v, queryShapes(outer)...)
				out, _ := r.Message([]byte(`{"url":"` + outer + `"}`))
				require.Contains(t, string(out), outer[:strings.IndexByte(outer, '?')+1], "the outer URL stays")
				require.Contains(t, strings.ToLower(string(out)), "redacted:", outer)
			}
		}
	}
}

// TestEncodedQueryOrdinary: encoded parameters that only look like
// credentials stay, as does the rest of an encoded URL around a secret.
func TestEncodedQueryOrdinary(t *testing.T) {
	r := newRedactor(t, "0123456789abcdef")
	for _, u := range []string{
		"https://x.example/s?keyword=tokens&page=2&token_type=Bearer&key_id=k1&sig_alg=RS256",
		"https://x.example/docs/tokens?section=passwords&signed=1",
		"https://b.s3.amazonaws.com/o?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Expires=900",
		"https://x.example/a/sig=1/key=2", // not a query: no encoded '?' or '&' before them
	} {
		for _, outer := range nested(u) {
			requireUntouched(t, r, `{"url":"`+outer+`"}`, "GET "+outer+" 302")
		}
	}
	out, _ := r.Message([]byte(`{"url":"https://sso.example.com/login?next=` +
		url.QueryEscape("https://app.example.com/cb?page=2&token=S3cr3tV4lueXq9Zt&lang=en") + `"}`))
	require.Contains(t, string(out), "%3Fpage%3D2%26token%3Dredacted:")
	require.Contains(t, string(out), "%26lang%3Den")
}

// TestEncodedURLPasswords: a URL with a password carried in another URL's
// parameter, fully encoded or with only its '/'s encoded; encoded URLs
// whose '@' is in a path stay.
func TestEncodedURLPasswords(t *testing.T) {
	r := newRedactor(t, "0123456789abcdef")
	for _, pw := range []string{"S3cr3tPw", "p@ss", "x:y:z", "Zq9-_.~"} {
		for _, tmpl := range []string{"postgres://admin:%s@db.internal:5432/app", "https://ci:%s@git.example.com/o/r.git",
			"redis://:%s@cache:6379/0", "amqps://svc:%s@mq.example.net/vhost"} {
			u := strings.Replace(tmpl, "%s", url.QueryEscape(pw), 1)
			for _, enc := range []string{url.QueryEscape(u), url.PathEscape(u), strings.ToLower(url.QueryEscape(u))} {
				outer := "https://sso.example.com/login?next=" + enc + "&hl=en"
				requireScrubbed(t, r, url.QueryEscape(pw), queryShapes(outer)...)
			}
		}
	}
	for _, u := range []string{
		"https://registry.npmjs.org:443/@babel/core", "https://medium.com/@user/post", "http://example.com:8080/a/b@c",
		"https://unpkg.com:443/@scope/pkg@1.2.3/x.js", "http://localhost:3000/users/@me",
	} {
		for _, enc := range []string{url.QueryEscape(u), url.PathEscape(u)} {
			requireUntouched(t, r, `{"url":"https://sso.example.com/login?next=`+enc+`"}`)
		}
	}
}
