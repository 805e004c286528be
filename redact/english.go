package redact

import (
	"bytes"
	"strings"
)

// moreSuffixes end secrets' normalized names that no secretWord ends:
// api_token_value, DB_CREDS, pin_code, SONAR_LOGIN.
var moreSuffixes = [...]string{"tokenvalue", "secretvalue", "passwordvalue", "creds", "pincode", "sonarlogin"}

// moreKeyWords start the name scanner on the names moreName adds (see
// keyWords).
var moreKeyWords = [...]string{"pw", "auth", "creds", "pin_code", "pincode", "pin-code", "sonar_login"}

// moreName reports whether name, normalized n, is a secret's by a rule
// beyond secretWords: one of moreSuffixes, "tokens", "pw" as its last word
// (pw, db_pw, dbPw), a kubeconfig's client-key-data, and the weak names of
// weakName.
func moreName[T ~string | ~[]byte](name T, n string) bool {
	for _, s := range moreSuffixes {
		if strings.HasSuffix(n, s) {
			return true
		}
	}
	return n == "tokens" || lastWord(name, "pw") || strings.HasSuffix(n, "keydata") && roleKey(n[:len(n)-len("data")]) ||
		weakName(name, n)
}

// weakName reports whether name, normalized n, is a secret's only when its
// value is not a setting (see settingValue): "auth" (Docker's config.json),
// "auth" as the last word after a separator (REDIS_AUTH, not oauth), and
// an environment variable's name ending in _KEY (SENDGRID_KEY, APP_KEY)
// unless its role locates or is public (envKey).
func weakName[T ~string | ~[]byte](name T, n string) bool {
	if n == "auth" {
		return true
	}
	if k := len(name); k > 5 && strings.HasSuffix(n, "auth") && (name[k-5] == '_' || name[k-5] == '-') {
		return true
	}
	return envKey(name)
}

// lastWord reports whether name ends in the lower-case word w: the whole
// name, or after '_', '-', '.' or a camel-case boundary.
func lastWord[T ~string | ~[]byte](name T, w string) bool {
	k, m := len(name), len(w)
	if k < m || !strings.EqualFold(string(name[k-m:]), w) {
		return false
	}
	if k == m {
		return true
	}
	c := name[k-m-1]
	return c == '_' || c == '-' || c == '.' || isUpper(name[k-m]) && isLower(c)
}

// lookupKeys are the roles of an environment variable's _KEY that locate,
// order or are public: those names stay.
var lookupKeys = [...]string{
	"PRIMARY", "SORT", "PARTITION", "PUBLIC", "KMS", "ROUTING", "CACHE", "IDEMPOTENCY", "OBJECT", "S3", "FOREIGN",
	"DEPLOY", "RANGE", "HASH", "LOOKUP", "SITE", "PUBLISHABLE", "DEDUP", "GROUP", "SHARD", "BUCKET", "INDEX", "LOCK",
	"MESSAGE", "QUEUE", "SEARCH", "MAP", "REDIS", "REGISTRY", "TABLE", "COLUMN", "LANG",
}

// envKey reports whether name is an environment variable's (upper case,
// digits and '_') ending in _KEY or _KEYS whose role is not a lookupKey.
func envKey[T ~string | ~[]byte](name T) bool {
	k := len(name)
	if k > 0 && name[k-1] == 'S' {
		k--
	}
	if k < 6 || string(name[k-4:k]) != "_KEY" {
		return false
	}
	for i := range k {
		if c := name[i]; !isUpper(c) && c != '_' && !('0' <= c && c <= '9') {
			return false
		}
	}
	role := string(name[:k-4])
	if strings.Contains(role, "PUBLIC") {
		return false
	}
	for _, l := range lookupKeys {
		if strings.HasSuffix(role, l) && (len(role) == len(l) || role[len(role)-len(l)-1] == '_') {
			return false
		}
	}
	return true
}

// weakSetting reports whether v, given to name (normalized n), is a
// setting: name is a secret's only by weakName and v is a settingValue.
func weakSetting[T ~string | ~[]byte](name T, n string, v []byte) bool {
	if !settingValue(v) || !weakName(name, n) || endsSecret(name, n, false) {
		return false
	}
	for _, w := range secretWords {
		if strings.Contains(n, w) {
			return false
		}
	}
	return true
}

// settingValue reports whether v, given to a weak name, is a setting rather
// than a secret: shorter than 6 bytes, or a word such as "enabled".
func settingValue(v []byte) bool {
	if len(v) < 6 {
		return true
	}
	for _, w := range [...]string{"enabled", "disabled", "required", "optional", "false", "basic", "bearer", "digest"} {
		if bytes.EqualFold(v, []byte(w)) {
			return true
		}
	}
	return false
}
