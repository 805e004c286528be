package redact

import "strings"

// endsSecret reports whether name, normalized n, ends with a secret's word:
// one of secretWords, a key named for a secret's role (roleKey), and unless
// it is spaced, "token" or the word "pass" (passName).
func endsSecret[T ~string | ~[]byte](name T, n string, spaced bool) bool {
	for _, w := range secretWords {
		if strings.HasSuffix(n, w) {
			return true
		}
	}
	// "credential(s)" only ends a secret's name (DB_CREDENTIAL), since it
	// starts many that are none (CredentialChallenge, credential_source).
	return roleKey(n) || strings.HasSuffix(n, "credential") || strings.HasSuffix(n, "credentials") || !spaced && (strings.HasSuffix(n, "token") || passName(name))
}

// keyRoles are the roles of keys that are secrets by what they do: a name
// whose normalized form ends in one of them and then "key" or "keys" holds
// a secret (ssh_key, signingKey, MASTER_KEY, NEW_RELIC_LICENSE_KEY,
// unseal_keys). Keys named for anything else locate, order or identify
// (partition_key, sort_key, primary_key, routing_key, cache_key,
// idempotency_key, object_key, s3_key, key) or are public (deploy_key: a
// GitHub deploy key is an SSH public key), and stay; so does a name holding
// "public" (ssh_public_key, publicSshKey). The list is curated rather than
// "any name ending in key", which would take every one of those.
var keyRoles = [...]string{
	"ssh", "signing", "encryption", "decryption", "master", "client", "auth", "hmac", "license",
	"shared", "session", "storage", "subscription", "unseal", "recovery", "root",
	"certificate", // kubeadm's certificateKey decrypts the control plane's certificates
	"functions",   // Azure Functions' x-functions-key
}

// roleKey reports whether the normalized name n is a key named for a
// secret's role (see keyRoles).
func roleKey(n string) bool {
	n = strings.TrimSuffix(n, "s")
	if !strings.HasSuffix(n, "key") || strings.Contains(n, "public") {
		return false
	}
	n = n[:len(n)-len("key")]
	for _, r := range keyRoles {
		if strings.HasSuffix(n, r) {
			return true
		}
	}
	return false
}

// passName reports whether name ends in the word "pass", a password: the
// whole name, or after '_', '-', '.' or a camel-case boundary (db_pass,
// DB_PASS, smtp-pass, mysqlPass, DBPass). Words that merely end in the
// letters (bypass, compass, surpass, BYPASS) do not, and since the last
// word must be "pass", neither do passport, passage or pass_count.
func passName[T ~string | ~[]byte](name T) bool {
	n := len(name)
	if n < 4 || lower(name[n-4]) != 'p' || lower(name[n-3]) != 'a' || lower(name[n-2]) != 's' || lower(name[n-1]) != 's' {
		return false
	}
	if n == 4 {
		return true
	}
	switch name[n-5] {
	case '_', '-', '.':
		return true
	}
	return name[n-4] == 'P' && name[n-3] == 'a' // camel case: mysqlPass, DBPass
}

// barePass reports whether name is the word "pass" alone (after any
// dashes). As a field ("pass":"…") or an assignment (pass=…) it holds a
// password, but "PASS: TestLogin" in text is a test result.
func barePass(name []byte) bool {
	for len(name) > 0 && name[0] == '-' {
		name = name[1:]
	}
	return len(name) == 4 && passName(name)
}

func lower(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}
