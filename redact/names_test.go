package redact_test

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// fieldShapes puts a field called name holding v where events carry
// fields: top level, deep in an array, JSON escaped in a log line, a
// CloudTrail requestParameters environment, a Kubernetes audit ConfigMap and
// a Vault request.
func fieldShapes(name, v string) []string {
	return []string{
		jsonf(`{%q:%q}`, name, v),
		jsonf(`{"id":"e1","detail":{"items":[{"n":1},{%q : %q,"z":2}]}}`, name, v),
		`{"log":"config {\"` + name + `\":\"` + v + `\",\"debug\":true}"}`,
		jsonf(`{"eventSource":"lambda.amazonaws.com","requestParameters":{"environment":{"variables":{"A":"b",%q:%q}}}}`, name, v),
		jsonf(`{"apiVersion":"audit.k8s.io/v1","requestObject":{"kind":"ConfigMap","data":{%q:%q}}}`, name, v),
		jsonf(`{"type":"request","request":{"path":"kv/app","data":{%q:%q}}}`, name, v),
	}
}

// passAndKeyNames hold secrets: "pass" as the last word of a name, after a
// separator or a camel-case boundary, and keys that are secrets by their role.
var passAndKeyNames = []string{
	"db_pass", "DB_PASS", "smtp-pass", "mysqlPass", "RedisPass", "DBPass", "ldap.bind_pass", "SMTP_Pass",
	"ssh_key", "SSH_KEY", "sshKey", "ssh-key", "signing_key", "signingKey", "SIGNING-KEY", "encryption_key",
	"EncryptionKey", "master_key", "MASTER_KEY", "client_key", "clientKey", "auth_key", "AUTH_KEY",
	"hmac_key", "license_key", "NEW_RELIC_LICENSE_KEY", "shared_key", "session_key", "storage_key",
	"subscription_key", "unseal_keys", "recovery_key", "root_key", "decryption_key", "jwt_signing_key",
}

func TestPassAndKeyNames(t *testing.T) {
	r := newRedactor(t, "0123456789abcdef")
	const v = "Hunter2-v4lue"
	for _, name := range passAndKeyNames {
		ins := append(fieldShapes(name, v),
			name+"="+v, "export "+name+"="+v+" && ./run", name+": "+v, `{"msg":"env `+name+`=`+v+`\nnext"}`)
		requireScrubbed(t, r, v, ins...)
		got, kinds := r.Field(name, v)
		require.NotEqual(t, v, got, name)
		require.NotEmpty(t, kinds, name)
	}
}

// TestBarePass: a field called only "pass" holds a password, but "PASS:" in
// text is a test result far more often than a credential.
func TestBarePass(t *testing.T) {
	r := newRedactor(t, "0123456789abcdef")
	const v = "Hunter2-v4lue"
	for _, name := range []string{"pass", "Pass", "PASS"} {
		requireScrubbed(t, r, v, append(fieldShapes(name, v), name+"="+v, "--"+name+"="+v)...)
	}
	requireUntouched(t, r, "--- PASS: TestLogin (0.00s)", "PASS: tests/run.sh", `{"log":"ok\n--- PASS: TestX (0.01s)\nPASS\n"}`,
		`{"result":"pass","pass":true,"passes":"3"}`)
}

// TestOrdinaryPassAndKeyNames: words that only contain "pass", and keys
// that locate, order, identify or verify rather than unlock, stay.
func TestOrdinaryPassAndKeyNames(t *testing.T) {
	r := newRedactor(t, "0123456789abcdef")
	fields := map[string]string{
		"bypass": "cache", "compass": "north", "passage": "p2", "passport": "X1234567", "pass_count": "3",
		"passengers": "2", "Boarding Pass": "yes", "surpass": "no", "partition_key": "tenant#acme",
		"sort_key": "2026-11-20", "primary_key": "id", "public_key": "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5",
		"routing_key": "orders.created", "cache_key": "user:42", "idempotency_key": "9f2a-11", "object_key": "logs/a.gz",
		"s3_key": "logs/b.gz", "key": "name", "Key": "env", "key_id": "k-1", "kms_key_arn": "arn:aws:kms:us-east-1:1:key/abc",
		"ssh_public_key": "ssh-rsa AAAAB3NzaC1yc2E", "publicSshKey": "ssh-rsa AAAAB3", "ssh_key_fingerprint": "SHA256:abc",
		"signing_key_id": "k2", "master_key_arn": "arn:aws:kms:us-east-1:1:key/m", "encryption_key_type": "aes256",
		"ssh_key_title": "laptop", "sshKeyName": "deploy", "auth_key_version": "3", "foreign_key": "users.id",
		"deploy_key": "ssh-ed25519 AAAAC3", "monkey": "george", "keyboard": "us", "turnkey": "yes",
	}
	for name, v := range fields {
		requireUntouched(t, r, jsonf(`{%q:%q}`, name, v), jsonf(`{"log":"{\"a\":1}","x":{%q: %q}}`, name, v))
		got, kinds := r.Field(name, v)
		require.Empty(t, kinds, name)
		require.Equal(t, v, got, name)
	}
	requireUntouched(t, r, "bypass=cache compass=north pass_count=3 partition_key=p1 sort_key=s1 routing_key=orders",
		"cache_key: user:42", "the user bypassed: 1 check", "sort_key=2026 key=name key_id=k-1")
}
