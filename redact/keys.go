package redact

import "strings"

// secretWords are held by the (normalized) name of a field holding a secret
// (AccountKey and SharedAccessKey are Azure's, in connection strings; the
// signatures are those of S3 and Cloud Storage presigned URLs, wherever
// their query is written out).
var secretWords = [...]string{
	"secret", "password", "passwd", "pwd", "passphrase", "passcode", "privatekey", "apikey", "accesstoken",
	"refreshtoken", "idtoken", "sessiontoken", "securitytoken", "authorization", "authtoken",
	"cookie", "accountkey", "sharedaccesskey", "amzsignature", "googsignature",
}

// metadataSuffixes end the names of fields that name, identify or describe a
// secret rather than hold it (secret_id, token_type, hashed_token).
var metadataSuffixes = [...]string{
	"id", "ids", "name", "names", "arn", "type", "kind", "path", "ref", "at", "time", "date",
	"scope", "scopes", "count", "hash", "hashedtoken", "accessor", "version", "owner",
	"tenant", "workload", "length", "ttl", "fingerprint", "idlist", "namelist", "arnlist",
	// a password's dates, flags and policy (pwdLastSet, PasswordLastUsed,
	// password_expired, passwordless, PasswordPolicy)
	"lastset", "lastused", "changed", "expired", "expires", "expiry", "policy", "less", "enabled", "required",
	"store", // where secrets are kept: --password-store=basic, keystore=/etc/app.jks
	// a file holding the secret (POSTGRES_PASSWORD_FILE, tokenFile), its
	// policy and rotation, and a cookie's settings (SESSION_COOKIE_SECURE)
	"file", "strength", "complexity", "hasher", "hashers", "rotation", "passwordset", "pwdset",
	"secure", "httponly", "samesite", "consent", "domain", "status", "maxage",
	// the server that issues or keeps them (Okta's authorizationServer, a
	// Secret Server's host)
	"server",
	// pagination and idempotency handles (CloudTrail's nextToken,
	// clientRequestToken, S3's continuation-token, Google's nextPageToken)
	"nexttoken", "pagetoken", "continuationtoken", "paginationtoken", "idempotencytoken", "clientrequesttoken",
}

// maxName bounds the names considered, in bytes.
const maxName = 128

// normalize lower-cases name and drops '_', '-' and ' ' into buf.
func normalize[T ~string | ~[]byte](buf []byte, name T) []byte {
	for i := 0; i < len(name) && len(buf) < cap(buf); i++ {
		c := name[i]
		switch {
		case c == '_' || c == '-' || c == ' ':
			continue
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		}
		buf = append(buf, c)
	}
	return buf
}

// secretKey reports whether a field or variable called name holds a secret.
func secretKey[T ~string | ~[]byte](name T) bool {
	var buf [maxName]byte
	return secretNormal(name, string(normalize(buf[:0], name)))
}

// secretNormal is secretKey for a name whose normalized form n is known.
func secretNormal[T ~string | ~[]byte](name T, n string) bool {
	if len(name) > maxName || isMetadata(n) || n == "clienttoken" && len(name) == len(n) {
		return false // clientToken, ClientToken: AWS's idempotency handle (Vault's client_token is a token)
	}
	// A name of spaced words must end with a secret's word or be a key
	// ("API Key", "Secret Access Key"; not "Elevated Token" in a Windows
	// logon, nor "Password Last Set").
	spaced := false
	for i := 0; i < len(name) && !spaced; i++ {
		spaced = name[i] == ' '
	}
	if endsSecret(name, n, spaced) {
		return true
	}
	for _, w := range secretWords {
		if (!spaced || strings.HasSuffix(n, "key")) && strings.Contains(n, w) && !strings.Contains(n, "secretar") {
			return true
		}
	}
	return foreignName(name, n) || moreName(name, n)
}

// metadataByLast are metadataSuffixes by their last byte: isMetadata runs
// on every name the scanner meets, and most suffixes cannot match it.
var metadataByLast = func() (t [256][]string) {
	for _, s := range metadataSuffixes {
		t[s[len(s)-1]] = append(t[s[len(s)-1]], s)
	}
	return t
}()

func isMetadata(normalized string) bool {
	if normalized == "" {
		return false
	}
	for _, s := range metadataByLast[normalized[len(normalized)-1]] {
		if strings.HasSuffix(normalized, s) {
			return true
		}
	}
	return false
}

// metadataName reports whether the name around b[i] (letters, digits, '_',
// '-', '.') is a metadata name such as heroku_app_id.
func metadataName(b []byte, i int) bool {
	start, end := nameBounds(b, i, i)
	var buf [maxName]byte
	return isMetadata(string(normalize(buf[:0], b[start:end])))
}

// nameBounds widens b[start:end] over name bytes, at most maxName of them.
func nameBounds(b []byte, start, end int) (int, int) {
	for start > 0 && end-start < maxName && nameByte(b[start-1]) {
		start--
	}
	for end < len(b) && end-start < maxName && nameByte(b[end]) {
		end++
	}
	return start, end
}

func nameByte(c byte) bool {
	return c >= 0x80 || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_' || c == '-' || c == '.'
}
