package redact_test

import "testing"

// TestSecretNumbers: a number of four digits or more under a secret's name
// is a PIN or numeric password; numbers that measure a secret stay.
func TestSecretNumbers(t *testing.T) {
	r := newRedactor(t, "0123456789abcdef")
	for _, name := range []string{"password", "Password", "db_pass", "pin_code", "passcode", "PIN_CODE", "secret", "apiKey"} {
		for _, v := range []string{"839201447712", "1234", "98127364501"} {
			q := jsonf(`%q`, name)
			requireScrubbed(t, r, v, `{"user":"alice",`+q+`:`+v+`}`, `{`+q+`: `+v+`, "x":1}`,
				`{"a":{`+q+`:`+v+`}}`, `{"log":"{\"`+name+`\":`+v+`}"}`, `[{`+q+`:`+v+`}]`)
		}
	}
	requireUntouched(t, r, `{"password":123,"pin_code":12,"token":true,"secret":null,"password":1.5}`,
		`{"token_ttl":86400,"password_length":1024,"token_expiry":1700000000,"password_expires_at":1700000000000}`,
		`{"token_count":12345,"api_version":20240101,"cookie_max_age":31536000,"session_token_timeout":3600}`,
		`{"passwordReusePrevention":2400,"token_expires_in":3600,"max_tokens":4096,"tokens_used":10240}`,
		`{"minimumPasswordLength":1400,"secret_version":1234,"password_last_set":1700000000,"key_id":123456}`)
}
