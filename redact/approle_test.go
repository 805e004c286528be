package redact_test

import "testing"

// TestAppRoleSecretID: a secret_id beside a role_id in the same object is
// an AppRole login's secret, in any order, plain and JSON-escaped.
func TestAppRoleSecretID(t *testing.T) {
	r := newRedactor(t, "0123456789abcdef")
	const v = "e942c7eb-d998-24d4-2291-ed70ae4d0899"
	requireScrubbed(t, r, v, `{"role_id":"0e0861ee","secret_id":"`+v+`"}`, `{"secret_id": "`+v+`", "role_id": "r1"}`,
		`{"body":"{\"role_id\":\"r1\",\"secret_id\":\"`+v+`\"}"}`, `{"auth":{"RoleId":"r","SecretId":"`+v+`"}}`,
		`{"data":{"roleId":"r","x":1,"secretId":"`+v+`"}}`)
}

// TestAppRoleLookAlikes: secret_id alone, or beside a role_id in another
// object, names a secret and stays.
func TestAppRoleLookAlikes(t *testing.T) {
	r := newRedactor(t, "0123456789abcdef")
	requireUntouched(t, r, `{"secret_id":"sec_77","name":"OPENAI_API_KEY"}`,
		`{"role":{"role_id":"r1"},"secret":{"secret_id":"sec_77"}}`, `{"secret_ids":["a","b"],"role_id":"r"}`,
		`{"data":{"role_id":"hmac-sha256:6e1f","secret_id":"hmac-sha256:0f1e2d"}}`, `{"l":"{\"role_id\":\"r\",\"secret_id\":\"hmac-sha256:0f\"}"}`)
}
