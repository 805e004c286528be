package redact

// Kinds of the rules that look at names rather than token shapes.
const (
	KindField      = "secret_field"      // the string value of a JSON key named like a secret
	KindAssignment = "secret_assignment" // the value in NAME=value or NAME: value text
)

// legacyPattern is one of the hand-written patterns, most of which predate
// the gitleaks catalogue; their kinds are in stored events and golden files, and
// they win over a gitleaks rule matching the same text.
type legacyPattern struct{ kind, regex string }

// No pattern is anchored on a word boundary: an escape such as "\n" before a
// token in raw JSON is a word byte, and over-redacting an identifier that merely
// embeds a token shape is the safe failure.
var legacyPatterns = [...]legacyPattern{
	{"private_key", `-----BEGIN[A-Z0-9 ]{0,32}PRIVATE KEY-----(?:[A-Za-z0-9+/=\s:,\-]|\\[nrt/])*`},
	{"jwt", `eyJ[A-Za-z0-9_\-]{5,}\.eyJ[A-Za-z0-9_\-]{5,}\.[A-Za-z0-9_\-]*`},
	{"huggingface_token", `(?:hf_[A-Za-z0-9]{30,}|api_org_[A-Za-z0-9]{30,})`},
	{"github_token", `(?:gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{40,})`},
	{"aws_access_key", `(?:AKIA|ASIA)[A-Z0-9]{16}`},
	{"slack_token", `xox[abposr]-[A-Za-z0-9\-]{10,}`},
	{"openai_key", `sk-(?:proj-|svcacct-|admin-|ant-)?[A-Za-z0-9_\-]{20,}`},
	{"gitlab_token", `glpat-[A-Za-z0-9_\-]{20,}`},
	// The password of scheme://user:password@host (clone URLs, DSNs); '/',
	// '?' and '#' end it, so a path holding '@' (npm scopes) is no userinfo.
	{"url_password", `://[^\s:/?#@"'\\]{0,256}:([^\s/?#@"'\\]{1,256})@`},
}

// keyWords are lower-cased substrings one of which every secret-like key
// name holds (see secretKey); hits on them start the name scanner.
var keyWords = [...]string{
	"secret", "password", "passwd", "pwd", "passphrase", "private_key", "private-key",
	"private key", "privatekey", "apikey", "api_key", "api-key", "api key", "token",
	"authorization", "cookie", "credentials", "accountkey", "sharedaccesskey",
}
