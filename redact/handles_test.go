package redact_test

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// TestHandleAndSettingNames: pagination and idempotency handles, files
// holding a secret, a password's policy and a cookie's settings name no
// secret, nor does the server that issues them (Okta's
// authorizationServer); their values stay, in fields, pairs and assignments.
func TestHandleAndSettingNames(t *testing.T) {
	r := newRedactor(t, "0123456789abcdef")
	fields := map[string]string{
		"clientToken": "5c1f3e0a-7b2d-4a8e-9c6f-1d0e2b3a4c5d", "ClientToken": "ct-0001-abc",
		"clientRequestToken": "7d42646f-3e9b", "client_request_token": "7d42646f-3e9c",
		"nextToken": "eyJwYWdlIjoyfQ==", "NextToken": "AAMA-EFRSURBSGh", "continuation-token": "1ueGcxLPRx1Tr/XY=",
		"continuationToken": "1ueGcxLPRx2", "paginationToken": "pg-42", "pageToken": "CAoQAA", "nextPageToken": "CBQQAA",
		"NextContinuationToken": "1ueG/x", "idempotencyToken": "idem-42", "POSTGRES_PASSWORD_FILE": "/run/secrets/pg",
		"SECRET_KEY_FILE": "/run/secrets/django_key", "tokenFile": "/var/run/secrets/token", "password_set": "yes",
		"passwordStrength": "strong", "password_complexity": "high", "PASSWORD_HASHERS": "argon2",
		"SESSION_COOKIE_SECURE": "True", "CSRF_COOKIE_HTTPONLY": "False", "cookie_consent": "accepted",
		"cookie_domain": ".example.com", "secretary": "bob", "Secretariat": "UN", "authorization_status": "granted",
		"SecretRotation": "30-days", "SESSION_COOKIE_SAMESITE": "Lax", "authorizationServer": "aus7xq1kg9z3d5d7",
		"authorization_server": "aus1a2b3c4d5", "SECRET_SERVER": "ss.corp.example",
	}
	for name, v := range fields {
		requireUntouched(t, r, jsonf(`{%q:%q}`, name, v), jsonf(`{"log":"{\"a\":1}","x":{%q: %q}}`, name, v),
			jsonf(`{"environment":[{"name":%q,"value":%q}]}`, name, v), name+"="+v+" next=1", `{"log":"cfg '`+name+`': '`+v+`'"}`)
		got, kinds := r.Field(name, v)
		require.Empty(t, kinds, name)
		require.Equal(t, v, got, name)
	}
}

// TestHandleLookAlikes: tokens whose names only resemble the handles are
// still redacted (Vault's client_token, a session token beside a nextToken).
func TestHandleLookAlikes(t *testing.T) {
	r := newRedactor(t, "0123456789abcdef")
	const v = "Hunter2-v4lue"
	for _, name := range []string{"client_token", "CLIENT_TOKEN", "sessionToken", "password", "secretary_password",
		"cookie", "SESSION_COOKIE", "secret_key", "oauth_token", "page_secret", "server_password", "authorization"} {
		requireScrubbed(t, r, v, append(fieldShapes(name, v), name+"="+v)...)
	}
}
