package redact

import "strings"

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
