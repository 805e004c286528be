package redact

// Kinds of the rules that look at names rather than token shapes.
const (
	KindField      = "secret_field"      // the string value of a JSON key named like a secret
	KindAssignment = "secret_assignment" // the value in NAME=value or NAME: value text
)

// legacyPattern is one of the hand-written patterns, most of which predate
// the gitleaks catalogue; their kinds are in stored events and golden files, and
// they win over a gitleaks rule matching the same text.
type legacyPattern struct {
	kind, regex string
	pre         func([]byte) bool // a cheap test the text from the anchor must pass first, or nil
}

// No pattern is anchored on a word boundary: an escape such as "\n" before a
// token in raw JSON is a word byte, and over-redacting an identifier that merely
// embeds a token shape is the safe failure.
var legacyPatterns = [...]legacyPattern{
	// A key's line breaks may come escaped (\n), as rsyslog writes them
	// (#012), percent-encoded or as XML character references.
	{"private_key", `-----BEGIN[A-Z0-9 ]{0,32}PRIVATE KEY-----(?:[A-Za-z0-9+/=\s:,\-]|\\[nrt/]|#01[25]|%0[aAdD]|&#(?:x[aAdD]|1[03]);)*`, nil},
	{"private_key", `PuTTY-User-Key-File-[0-9]:(?:[A-Za-z0-9+/=\s:,\-.@]|\\[nrt/]|#01[25]|%0[aAdD])*`, nil},
	{"google_oauth_token", `ya29\.[0-9A-Za-z_\-]{20,}`, nil},
	{"discord_webhook", `discord(?:app)?\.com/api/webhooks/[0-9]{5,30}/([A-Za-z0-9_\-]{20,})`, nil},
	// A Teams incoming webhook's secret path, in any case, with the V2 key.
	{"microsoft-teams-webhook", `(?i)webhook\.office\.com/webhookb2/[^\s"'\\/]{1,200}/IncomingWebhook/([A-Za-z0-9]{16,64}(?:/[A-Za-z0-9-]{36}(?:/[A-Za-z0-9_-]{16,128})?)?)`, nil},
	{"jwt", `eyJ[A-Za-z0-9_\-]{5,}\.eyJ[A-Za-z0-9_\-]{5,}\.[A-Za-z0-9_\-]*`, nil},
	{"huggingface_token", `(?:hf_[A-Za-z0-9]{30,}|api_org_[A-Za-z0-9]{30,})`, nil},
	{"github_token", `(?:gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{40,})`, nil},
	{"aws_access_key", `(?:AKIA|ASIA)[A-Z0-9]{16}`, nil},
	{"slack_token", `xox[abposr]-[A-Za-z0-9\-]{10,}`, nil},
	{"openai_key", `sk-(?:proj-|svcacct-|admin-|ant-)?[A-Za-z0-9_\-]{20,}`, nil},
	{"gitlab_token", `glpat-[A-Za-z0-9_\-]{20,}`, nil},
	// The password of scheme://user:password@host (clone URLs, DSNs), of
	// any length (a JWT). '?' ends it. A raw '/', '#' or '@' (they should
	// be %2F, %23 and %40, but DSNs are written by hand) does not: a password without '/' runs to
	// the authority's last '@' (admin:p@ss@db). One with a '/' holds no
	// '@', and what comes before its first '/' must not be a port, all
	// digits: then the '@' is in a path (registry:443/@babel/core,
	// host:8080/a/b@c), not in userinfo. A user starting with '[' is an
	// IPv6 host. The precheck: Go's regexp spends microseconds on each
	// "://" in the bounded repetitions, and most URLs have no userinfo.
	{"url_password", `://[^\s:/?#@"'\\\[]{0,256}:([^\s/?#@"'\\]{0,256}[^\s/?#@"'\\0-9][^\s/?#@"'\\]{0,256}/[^\s?#@"'\\]{0,256}|[^\s/?"'\\]{1,256}[^\s/?"'\\]*)@`, userinfo},
	// A token given as the user, without a password
	// (https://<token>@github.com/org/repo.git).
	{"url_password", `://([A-Za-z0-9_\-]{20,256})@`, tokenUser},
	// Query parameters whose short names are credentials only there
	// (Firebase's ?auth=, ?pw=, session ids, ?access_key= API keys): anchored
	// on the '?' or '&' (also \u0026 and &amp;) before them, since the names
	// alone are in every other word.
	{KindAssignment, `(?i)(?:[?&]|\\u0026|&amp;)(?:auth|sid|pw|session_id|sessid|access_key)=([^&\s"'#\\]{1,256})`, nil},
	// A URL's password carried percent-encoded in another URL's parameter
	// (next=https%3A%2F%2Fuser%3Apassword%40host, or with only the '/'s
	// encoded): the password runs to the first '@'; an encoded '/' before
	// it means a path (%3A443%2F%40babel).
	{"url_password", `(?i)(?:%3a|:)%2f%2f(?:[^\s/?#@%&"'\\:]|%(?:[013-9a-f][0-9a-f]|2[0-9a-e])){0,64}?(?:%3a|:)((?:[^\s/?#@%&"'\\]|%(?:[013-9a-f][0-9a-f]|2[0-9a-e])){1,128}?)(?:%40|@)`, nil},
}

// userinfo reports whether the "://" starting w may be followed by a user
// and password: an '@' comes before any byte that url_password keeps out
// of both.
func userinfo(w []byte) bool {
	for _, c := range w[min(len(w), len("://")):] {
		switch c {
		case '@':
			return true
		case ' ', '\t', '\n', '\f', '\r', '?', '"', '\'', '\\':
			return false
		}
	}
	return false
}

// tokenUser reports whether the "://" starting w is followed by a user that
// may be a token: 20 or more letters, digits, '_' and '-', with a digit
// among them, then '@' (not git@, deploy@ or a name).
func tokenUser(w []byte) bool {
	digit := false
	for i, c := range w[min(len(w), len("://")):] {
		switch {
		case c == '@':
			return digit && i >= 20
		case '0' <= c && c <= '9':
			digit = true
		case !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c == '_' || c == '-') || i == 256:
			return false
		}
	}
	return false
}

// keyWords are lower-cased substrings one of which every secret-like key
// name holds (see secretKey), and the query parameters of queryParam; hits
// on them start the name scanner. "pass" and "key" cover the names that
// hold password or key; the spaced forms let a scan of text see a spaced
// name whole.
var keyWords = [...]string{
	"secret", "pass", "key", "private key", "api key", "token", "authorization", "cookie",
	"credential", "sig", "jwt", "sessionid", "phpsessid", "samlresponse",
}
