package redact_test

import "testing"

// TestHeaderPairArrays: a secret header given as a two-element array or
// tuple has its value redacted, plain, JSON-escaped and single-quoted.
func TestHeaderPairArrays(t *testing.T) {
	r := newRedactor(t, "0123456789abcdef")
	const v = "HdXHWl0ttyd6J9DbuNEuzc"
	for _, name := range []string{"Authorization", "authorization", "Cookie", "X-Api-Key", "x-auth-token", "Proxy-Authorization"} {
		requireScrubbed(t, r, v,
			`{"headers":[["`+name+`","Bearer `+v+`"],["Accept","*/*"]]}`,
			`{"headers": [["Accept", "*/*"], [ "`+name+`" , "`+v+`" ]]}`,
			`{"cmdline":"{\"headers\": [[\"`+name+`\", \"Bearer `+v+`\"]]}"}`,
			`headers = [('`+name+`', 'Token `+v+`')]`)
	}
}

// TestHeaderPairLookAlikes: other headers, and secret-named strings in a
// longer list, stay.
func TestHeaderPairLookAlikes(t *testing.T) {
	r := newRedactor(t, "0123456789abcdef")
	requireUntouched(t, r, `{"headers":[["Accept","*/*"],["User-Agent","curl/8"]]}`,
		`{"allow_headers":["Content-Type","Authorization","X-Requested-With"]}`,
		`{"scopes":["token","secrets"]}`, `{"redact":["password","x"]}`)
}
