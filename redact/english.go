package redact

import (
	"bytes"
	"strings"
)

// moreSuffixes end secrets' normalized names that no secretWord ends:
// api_token_value, DB_CREDS, pin_code, SONAR_LOGIN.
// A pre-shared key (wpa_supplicant's psk) and LDAP clients' and servers'
// bind and root passwords (nslcd's bindpw, slapd's rootpw) too.
var moreSuffixes = [...]string{"tokenvalue", "secretvalue", "passwordvalue", "creds", "pincode", "sonarlogin", "psk", "bindpw", "rootpw"}

// moreKeyWords start the name scanner on the names moreName adds (see
// keyWords).
var moreKeyWords = [...]string{"pw", "auth", "creds", "pin_code", "pincode", "pin-code", "sonar_login", "psk"}

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
