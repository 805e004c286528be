package redact

import "bytes"

// commandPatterns are credentials that command lines, scripts and SQL
// statements give by position or by a program's own syntax, where no
// secret-named "name=value" shows them: attack tooling (impacket's
// domain/user:password@host, pass-the-hash), Windows (net user, /pass:,
// ConvertTo-SecureString), database clients and statements.
var commandPatterns = [...]legacyPattern{
	{KindCLIPassword, `(?i)convertto-securestring(?:\s+-(?:asplaintext|force)\b)*\s+(?:-string\s+)?(?:` + cmdQuoted + `)`, nil},
	{KindCLIPassword, `(?i)(?:secretsdump|psexec|wmiexec|smbexec|atexec|dcomexec|getuserspns|getnpusers|gettgt|getst|mssqlclient|lookupsid|ticketer|rpcdump|samrdump|addcomputer|dacledit|finddelegation|getadusers)(?:\.py)?\b[^\n\r]{0,120}?[\s'"]+[\w.-]{1,64}/[\w.$ -]{1,64}:([^\s'"]{1,128})@[\w.-]+`, nil},
	{KindCLIPassword, `(?i)-hashes\s+([0-9a-f]{0,32}:[0-9a-f]{32})`, nil},
	{KindCLIPassword, `(?i)/(?:ntlm|rc4|aes128|aes256|des):([0-9a-f]{16,64})`, nil},
	{KindCLIPassword, `(?i)/(?:password|passwd|pass|pwd|pw):(?:` + cmdQuoted + `|([^\s"'\\/][^\s"'\\]{0,255}))`, nil},
	{KindCLIPassword, `(?i)\bnet1?(?:\.exe)?\s+user\s+(?:"[^"\r\n]{1,64}"|[^\s"/]{1,64})\s+([^\s/"'*\\][^\s"'\\]{0,127})`, netUse},
	{KindCLIPassword, `(?i)\bnet1?(?:\.exe)?\s+use\s+(?:[a-z*]:\s+)?\\\\[^\s"]{1,256}\s+([^\s/"'*\\][^\s"'\\]{0,127})`, netUse},
	{KindCLIPassword, `(?i)aws\s+configure\s+set\s+(?:[\w.-]{1,64}\.)?(?:aws_secret_access_key|aws_session_token)\s+([^\s"'\\]{1,256})`, nil},
	{KindCLIPassword, `(?i)(?:jdbc:oracle:thin:|sqlplus\s+(?:-[sl]\s+)*|sqlldr\s+(?:userid=)?|expdp\s+|impdp\s+|rman\s+target\s+)['"]?[\w$#]{1,30}/([^\s'"/\\]{1,128})@(?://)?[\w.-]+`, nil},
	{KindAssignment, `(?i)(?:password\s*\(\s*|identified\s+(?:with\s+\S{1,64}\s+)?by\s+|password(?:\s+|\s*=\s*))'([^'\\\r\n]{1,256})'`, nil},
	// A secret stored by position under a secret-like name: setx NAME v,
	// npm/yarn/pnpm config set _authToken v, git config github.token v,
	// dotnet user-secrets set "Db:Password" "v".
	{KindCLIPassword, `(?i)(?:\bsetx(?:\.exe)?|config\s+set(?:\s+--[\w=-]{1,32}){0,3}|git\s+config(?:\s+--[\w=-]{1,32}){0,3}|user-secrets\s+set)\s+` +
		`\\?["']?[\w.:/@-]{0,128}` + secretish + `[\w-]{0,64}\\?["']?\s+` + cmdValue, nil},
	{KindCLIPassword, `(?i)vault\s+login\s+(?:-[\w-]{1,32}(?:=[^\s"'\\]{0,100})?\s+){0,6}([\w][\w.-]{0,60}[0-9][\w.-]{0,200})(?:[\s"'\\]|$)`, nil}, // a token holds a digit: not "vault login failed"
	// gh secret set NAME --body v (or -b v, -bv); fly secrets set NAME=v.
	{KindCLIPassword, `(?i)secrets?\s+set\s+[\w.-]{1,128}\s+(?:[^\n\r]{0,200}?\s)?(?:--body[=\s]\s*|-b\s?)` + cmdValue, nil},
	{KindCLIPassword, `(?i)secrets\s+set\s+(?:-[\w-]{1,32}\s+){0,4}[A-Za-z_][\w.-]{0,127}=` + cmdValue, nil},
	// PowerShell's SetEnvironmentVariable("NAME", "v"), under a secret-like name.
	{KindCLIPassword, `(?i)setenvironmentvariable\(\s*\\?["'][\w.-]{0,64}` + secretish + `[\w.-]{0,64}\\?["']\s*,\s*\\?["']([^"'\\\r\n]{1,256})\\?["']`, nil},
	{KindCLIPassword, `PASS ([^\s"'\\]{1,128})`, nil},                                    // an FTP session's password (not Go's "PASS:" nor Jest's "PASS  file")
	{KindCLIPassword, `::add-mask::([^\s"'\\]{1,256})`, nil},                             // GitHub Actions masks a secret by printing it
	{KindCLIPassword, `(?i)\b(?:requirepass|masterauth)\s+["']?([^\s"'\\]{1,256})`, nil}, // redis.conf, CONFIG SET
	{KindCLIPassword, `(?i)\\?"auth\\?"\s+\\?"([^"\\\r\n]{1,256})\\?"`, nil},             // redis MONITOR: "AUTH" "v"
	{KindCLIPassword, `(?i)\becho\s+["']?[\w.-]{1,32}:([^\s"'|\\]{1,128})["']?\s*\|\s*(?:sudo\s+)?chpasswd`, lineHolds("chpasswd")},
	{KindCLIPassword, `(?i)\becho\s+(?:-n\s+)?\\?["']?([^\s"'|\\]{1,256})\\?["']?\s*\|\s*(?:sudo\s+)?[\w./-]{1,64}\s+(?:[\w-]{1,32}\s+){0,2}login\b[^|\n\r]{0,200}?--password-stdin`,
		lineHolds("password-stdin")}, // echo v | docker login --password-stdin
	// htpasswd -b[c] FILE USER v, htpasswd -nb USER v; a .netrc entry.
	{KindCLIPassword, `(?i)htpasswd\s+-[a-mo-z]*b[a-mo-z]*\s+[^\s"'\\]{1,256}\s+[^\s"'\\]{1,256}\s+([^\s"'\\]{1,256})`, nil},
	{KindCLIPassword, `(?i)htpasswd\s+-(?:[a-z]*n[a-z]*b|[a-z]*b[a-z]*n)[a-z]*\s+[^\s"'\\]{1,256}\s+([^\s"'\\]{1,256})`, nil},
	{KindCLIPassword, `(?i)machine\s+[^\s"'\\]{1,256}(?:\s+(?:login|account)\s+[^\s"'\\]{1,256}){0,2}\s+password\s+([^\s"'\\]{1,256})`, nil},
}

// cmdQuoted is a quoted argument holding the secret: in quotes escaped once
// (the command sits in JSON), in plain double quotes (backslashes allowed:
// a Windows password may hold one) or in single quotes.
const cmdQuoted = `\\"([^"\\\r\n]{1,256})\\"|"([^"\r\n]{1,256})"|'([^'\r\n]{1,256})'`

// cmdValue is a command's argument holding the secret: quoted (the quotes
// escaped once or twice when the command sits in JSON, or JSON in JSON),
// single-quoted, or bare (not a switch).
const cmdValue = `(?:\\{0,3}"([^"\\\r\n]{1,256})\\{0,3}"|'([^'\r\n]{1,256})'|([^\s"'\\/][^\s"'\\]{0,255}))`

// secretish is a regexp of the words that make an environment variable's
// name a secret's, for patterns that cannot call secretKey.
const secretish = `(?:password|passwd|pwd|secret|token|api_?key|private_?key|credentials?)`

// lineHolds returns the precheck of a pattern anchored on "echo" whose
// match ends in word later on the line (echo … | chpasswd).
func lineHolds(word string) func([]byte) bool {
	return func(w []byte) bool {
		if i := bytes.IndexAny(w, "\r\n"); i >= 0 {
			w = w[:i]
		}
		return bytes.Contains(w, []byte(word))
	}
}

// netUse is the precheck of the net user and net use patterns, anchored
// on "net" (internet, network …): "user" or "use" follows it.
func netUse(w []byte) bool {
	i := len("net")
	if i < len(w) && w[i] == '1' {
		i++
	}
	if i+4 <= len(w) && bytes.EqualFold(w[i:i+4], []byte(".exe")) {
		i += 4
	}
	j := skipSpace(w, i)
	return j > i && j+3 <= len(w) && bytes.EqualFold(w[j:j+3], []byte("use"))
}
