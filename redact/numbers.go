package redact

import "strings"

// minSecretDigits is the shortest number under a secret's name that is a
// secret (a PIN, a numeric password); shorter ones are settings.
const minSecretDigits = 4

// numberEnd is where the JSON number at b[i] ends when it is an integer of
// minSecretDigits digits or more that a delimiter follows; else i.
func numberEnd(b []byte, i int) int {
	j := i
	for j < len(b) && '0' <= b[j] && b[j] <= '9' {
		j++
	}
	if j-i < minSecretDigits || j < len(b) && !strings.ContainsRune(",}] \t\r\n\\", rune(b[j])) {
		return i
	}
	return j
}

// numberMeta end the normalized names of numbers that measure or limit a
// secret rather than being one (password_reuse_prevention, token_timeout),
// beyond metadataSuffixes (token_ttl, password_length, *_expires_at).
var numberMeta = [...]string{
	"prevention", "timeout", "seconds", "minutes", "hours", "days", "size", "limit", "port", "attempts",
	"retries", "age", "interval", "period", "expiresin", "max", "min", "used", "history",
}

// secretNumber reports whether a number under name is a secret: name is a
// secret's and measures nothing (see numberMeta).
func secretNumber(name []byte) bool {
	var buf [maxName]byte
	n := string(normalize(buf[:0], name))
	for _, m := range numberMeta {
		if strings.HasSuffix(n, m) {
			return false
		}
	}
	return secretNormal(name, n)
}
