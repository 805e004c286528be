package redact_test

import (
	"strings"
	"testing"
)

// TestSessionAndTokenQueries: session ids, JWTs and SAML responses in a
// URL's query (or a path parameter, ;jsessionid=).
func TestSessionAndTokenQueries(t *testing.T) {
	r := newRedactor(t, "0123456789abcdef")
	const v = "Zx9sessVal42abc"
	for _, p := range []string{"PHPSESSID", "jsessionid", "sessionid", "jwt", "SAMLResponse"} {
		for _, u := range []string{"https://app.example.com/login?" + p + "=" + v, "https://app.example.com/a?x=1&" + p + "=" + v + "&y=2",
			"https://app.example.com/cart;" + p + "=" + v + "?step=2"} {
			requireScrubbed(t, r, v, queryShapes(u)...)
		}
	}
}

// TestValueMembers: a secret-named member whose value is an object with a
// "value" (Azure deployments, CloudFormation parameters).
func TestValueMembers(t *testing.T) {
	r := newRedactor(t, "0123456789abcdef")
	for _, in := range []string{
		`{"properties":{"parameters":{"adminPassword":{"type":"String","value":"S3cr3tPw1"}}}}`,
		`{"parameters":{"dbPassword":{"value":"S3cr3tPw1","type":"securestring"}}}`,
		`{"log":"{\"parameters\":{\"client_secret\":{\"type\":\"String\",\"value\":\"S3cr3tPw1\"}}}"}`,
	} {
		requireScrubbed(t, r, "S3cr3tPw1", in)
	}
	requireUntouched(t, r, `{"parameters":{"adminUsername":{"type":"String","value":"azureuser"},"token":{"id":"t1"}}}`)
}

// TestMoreCredentialShapes: private keys with rsyslog's, percent or XML
// line breaks, PuTTY keys, Google OAuth access tokens, Discord webhooks.
func TestMoreCredentialShapes(t *testing.T) {
	r := newRedactor(t, "0123456789abcdef")
	const body = "MIIEpAIBAAKCAQEA0Z3VS5JJcds3xfn"
	for _, nl := range []string{"#012", "%0A", "&#xA;", "&#10;", `\n`} {
		k := "-----BEGIN PRIVATE KEY-----" + nl + body + nl + "-----END PRIVATE KEY-----"
		requireScrubbed(t, r, body, "sshd: key "+k, `{"msg":"`+k+`"}`)
	}
	requireScrubbed(t, r, "AAAAB3NzaC1yc2E",
		`{"file":"PuTTY-User-Key-File-3: ssh-rsa\nEncryption: none\nPrivate-Lines: 1\nAAAAB3NzaC1yc2EAAAADAQABAAABAQ\n"}`)
	requireScrubbed(t, r, "ya29.a0AfH6SMBx3kLmN2pQ7rS1tUv", `{"h":"Authorization: Bearer ya29.a0AfH6SMBx3kLmN2pQ7rS1tUv"}`,
		`GET /drive?access=ya29.a0AfH6SMBx3kLmN2pQ7rS1tUv`)
	wh := "https://discord.com/api/webhooks/123456789012345678/AbCdEfGhIjKlMnOpQrStUvWxYz012345"
	requireScrubbed(t, r, "AbCdEfGhIjKlMnOpQrStUvWxYz012345", `{"url":"`+wh+`"}`, "post "+strings.Replace(wh, "discord", "discordapp", 1))
}

// TestAnnotationsAndFlagsStay: names that only contain a secret's word in a
// path (Kubernetes annotations) and a switch's value stay.
func TestAnnotationsAndFlagsStay(t *testing.T) {
	r := newRedactor(t, "0123456789abcdef")
	requireUntouched(t, r, `{"cmd":"chrome.exe --password-store=basic --enable-features=Foo"}`)
	out, _ := r.Message([]byte(`{"annotations":{"authorization.k8s.io/decision":"allow","authorization.k8s.io/reason":"RBAC: allowed by ClusterRoleBinding"},"log":"a \u0068f_abcdefghijklmnopqrstuvwxyzABCDEFGH"}`))
	if !strings.Contains(string(out), `"allow"`) || !strings.Contains(string(out), "ClusterRoleBinding") {
		t.Fatalf("annotations lost: %s", out)
	}
}

// TestTokensEndedByPunctuation: a catalogue token ends at the punctuation
// of commands and markup too, not only at a quote, a space or ';'.
func TestTokensEndedByPunctuation(t *testing.T) {
	r := newRedactor(t, "0123456789abcdef")
	for _, tok := range []string{"sk_live_51HxYzAbCdEfGhIjKlMnOpQrStUv", "SG.aBcDeFgHiJkLmNoPqRsTuV.wXyZaBcDeFgHiJkLmNoPqRsTuVwXyZaBcDeFgHiJkLm"} {
		for _, in := range []string{"curl -u " + tok + ": https://api.example.com", "<ApiKey>" + tok + "</ApiKey>",
			"https://x.example/?k=" + tok + "&x=1", "keys(" + tok + ")", "[" + tok + "]", tok + ",next", "{" + tok + "}|x"} {
			requireScrubbed(t, r, tok, in, `{"msg":"`+in+`"}`)
		}
	}
}

// TestPairsWithMembersBetween: a name/value pair with other members
// between them (a type, a description, valueFrom).
func TestPairsWithMembersBetween(t *testing.T) {
	r := newRedactor(t, "0123456789abcdef")
	for _, in := range []string{
		`{"name":"password","type":"string","value":"S3cr3tPw1"}`,
		`{"name":"DB_PASSWORD", "valueFrom":null, "value":"S3cr3tPw1"}`,
		`{"Key":"api_token","Description":"prod","Sensitive":true,"Value":"S3cr3tPw1"}`,
		`{"env":[{"name":"USER","value":"app"},{"name":"DB_PASSWORD","type":"plain","value":"S3cr3tPw1"}]}`,
	} {
		requireScrubbed(t, r, "S3cr3tPw1", in)
	}
	requireUntouched(t, r, `{"name":"password_policy","type":"string","value":"strict"}`,
		`{"name":"DB_USER","type":"plain","value":"app"},{"name":"x","value":"y"}`)
}

// TestYAMLNextLineValues: a YAML secret whose value is on the next line,
// plainly or as a block scalar, with real or JSON-escaped line breaks.
func TestYAMLNextLineValues(t *testing.T) {
	r := newRedactor(t, "0123456789abcdef")
	for _, nl := range []string{"\n", "\r\n", `\n`} {
		for _, y := range []string{
			"db:" + nl + "  password:" + nl + "    S3cr3tPw1" + nl + "  user: app",
			"password: |" + nl + "  S3cr3tPw1" + nl, "api_key: >-" + nl + "  S3cr3tPw1", "client_secret: |2" + nl + "   S3cr3tPw1",
		} {
			requireScrubbed(t, r, "S3cr3tPw1", y)
			if nl == `\n` {
				requireScrubbed(t, r, "S3cr3tPw1", `{"configmap":"`+y+`"}`)
			}
		}
	}
	requireUntouched(t, r, "password:\nuser: app\n", "secrets:\n  - name: db\n")
}

// TestPathNamedPairs: a pair whose name is a path ending in a secret's
// name (an SSM parameter, a Vault path).
func TestPathNamedPairs(t *testing.T) {
	r := newRedactor(t, "0123456789abcdef")
	for _, in := range []string{
		`{"Parameter":{"Name":"/prod/db/password","Type":"SecureString","Value":"S3cr3tPw1","Version":3}}`,
		`{"Parameters":[{"Name":"/app/api_key","Value":"S3cr3tPw1"}]}`,
		`{"log":"{\"name\":\"secret/data/app/token\",\"value\":\"S3cr3tPw1\"}"}`,
	} {
		requireScrubbed(t, r, "S3cr3tPw1", in)
	}
	requireUntouched(t, r, `{"Parameter":{"Name":"/prod/db/host","Type":"String","Value":"db.internal"}}`,
		`{"path":"/etc/app/password","mode":"0600"}`)
}
