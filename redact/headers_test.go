package redact_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestAuthorizationSchemes: after an Authorization name, the word after any
// scheme (known or not, header written with or without a space) is the
// credential; the scheme stays readable.
func TestAuthorizationSchemes(t *testing.T) {
	r := newRedactor(t, "0123456789abcdef")
	const v = "00aBcDeFgHiJkLmNoPqRsTuV"
	for _, scheme := range []string{"SSWS", "Bot", "Splunk", "Api-Key", "OAuth", "Bearer", "Basic", "AWS4-HMAC-SHA256"} {
		for _, sep := range []string{": ", ":", ":  "} {
			for _, name := range []string{"Authorization", "authorization", "Proxy-Authorization"} {
				h := name + sep + scheme + " " + v
				requireScrubbed(t, r, v, `{"msg":"`+h+`"}`, "GET /api 200 "+h, `curl -H '`+h+`' https://api.example.com`,
					`{"log":"{\"h\":\"`+h+`\"}"}`)
				out, _ := r.Message([]byte("curl -H '" + h + "' https://api.example.com"))
				require.Contains(t, string(out), scheme+" redacted:", h)
				require.True(t, strings.HasSuffix(string(out), "' https://api.example.com"), "%s", out)
			}
		}
	}
}

// TestCookieHeaders: every cookie of a Cookie or Set-Cookie header.
func TestCookieHeaders(t *testing.T) {
	r := newRedactor(t, "0123456789abcdef")
	for _, c := range []string{"sessionid=Zx9sessVal42", "ASP.NET_SessionId=Zx9sessVal42", "connect.sid=s%3AZx9sessVal42"} {
		for _, h := range []string{"Cookie: _ga=GA1.2.3; " + c + "; csrftoken=abc", "Cookie: " + c, "set-cookie: " + c + "; Path=/; HttpOnly"} {
			requireScrubbed(t, r, "Zx9sessVal42", `{"msg":"`+h+`"}`, "GET / 200 "+h, `{"headers":"`+h+`"}`)
		}
	}
}

// TestArrowAssignments: Ruby, Perl and PHP (print_r) write "name" => value.
func TestArrowAssignments(t *testing.T) {
	r := newRedactor(t, "0123456789abcdef")
	for _, in := range []string{
		`{"msg":"{\"password\" => \"S3cr3tPw1\", \"user\" => \"bob\"}"}`, `{:password=>"S3cr3tPw1"}`,
		`Array ( [user] => bob [password] => S3cr3tPw1 )`, `{"log":"params: {'api_key' => 'S3cr3tPw1'}"}`,
		`{"msg":"Parameters: {\"user\"=>{\"email\"=>\"a@b.c\", \"password\"=>\"[FILTERED]\", \"token\"=>\"S3cr3tPw1\"}}"}`,
	} {
		requireScrubbed(t, r, "S3cr3tPw1", in)
	}
}

// TestPasswordMetadataStays: a working directory (PWD) and a password's
// dates, flags and policy are no password.
func TestPasswordMetadataStays(t *testing.T) {
	r := newRedactor(t, "0123456789abcdef")
	requireUntouched(t, r,
		`{"msg":"sudo: bob : TTY=pts/0 ; PWD=/home/bob ; USER=root ; COMMAND=/bin/ls"}`,
		`{"env":"OLDPWD=~/src PWD=/tmp"}`,
		`{"pwdLastSet":"2026-01-01T00:00:00Z","PasswordLastUsed":"2026-02-01","password_expired":false,"passwordless":true}`,
		`{"PasswordPolicy":"strict","password_changed":"2026-03-01","PasswordExpires":"never","passwordRequired":true}`,
	)
	requireScrubbed(t, r, "S3cr3tPw1", `{"dsn":"Server=db;Uid=app;Pwd=S3cr3tPw1;"}`, `PWD=S3cr3tPw1 mysql -u app`)
}
