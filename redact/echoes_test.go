package redact_test

import (
	"strings"
	"testing"
)

// TestEchoedSecrets: an error message quoting the secret it refused (a
// validation error on a secret-named field, an authentication error, a
// password rule's refusal) has the value redacted, in plain text and in
// JSON with escaped quotes; messages quoting names, settings or reasons
// stay.
func TestEchoedSecrets(t *testing.T) {
	r := newRedactor(t, "0123456789abcdef")
	for _, c := range [][2]string{
		{"Tq9#vL2pX7", `admission webhook "policies.acme.io" denied the request: container api: env DB_PASSWORD has a literal value "Tq9#vL2pX7"; use secretKeyRef`},
		{"zK4!mW8qR1", `parameter api_key has an invalid value 'zK4!mW8qR1'`},
		{"h7Yp2-Lq9w", `field client_secret: value of "h7Yp2-Lq9w" is too short`},
		{"cf83-Xq1!z", `Client authentication failed: secret 'cf83-Xq1!z' does not match client 'reporting'`},
		{"gh0st-T0ken", `login refused: token "gh0st-T0ken" is expired`},
		{"P@ssw0rd_9", `user bob: password 'P@ssw0rd_9' was rejected by the directory`},
		{"aK#7/x9Lm2", `The parameter MasterUserPassword is not a valid password because it contains '/' at position 9: aK#7/x9Lm2`},
		{"Qw3rty!234", `Invalid password for user app: Qw3rty!234`},
	} {
		secret, msg := c[0], c[1]
		requireScrubbed(t, r, secret, msg, `{"message":"`+strings.ReplaceAll(msg, `"`, `\"`)+`"}`)
	}
	requireUntouched(t, r, `parameter "max_connections" has invalid value "abc"`, `Secrets Manager can't find the specified secret 'prod/db-creds'`,
		`{"error":"invalid password length; the minimum is 12"}`, `token 'tok_9f2a' not found`,
		`the value "none" is not valid for SameSite`)
}
