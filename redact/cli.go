package redact

import (
	"bytes"
	"strings"
)

// KindCLIPassword is a password given to a command-line client by a short
// flag: only these programs' flags are followed, since a short flag means a
// password for few programs (-p is mysql's password but docker run's port).
const KindCLIPassword = "cli_password"

// cliClient is a family of command-line clients and the short flag that
// takes their password.
type cliClient struct {
	programs string // a regexp of program names (case-insensitive)
	letter   byte   // the flag's letter, case-sensitive: -P is mysql's port
	flag     string // the flag after its dash (a regexp): letter, or more
	attached bool   // the password is attached to the flag (mysql -pS3cret)
	spaced   bool   // the password is the next argument (sshpass -p S3cret)
	user     bool   // the argument is user%password (smbclient -U bob%S3cret)
	long     string // the flag's long name after its second dash, for the precheck (user, cookie)
}

// Program names end in an open repetition ([a-z]{0,8}) rather than listing
// every variant, and no optional suffix (.exe) follows them: each variant
// would be another literal for the prefilter.
var cliClients = [...]cliClient{
	{programs: `mysql[a-z]{0,8}|mariadb[a-z-]{0,8}`, letter: 'p', flag: "p", attached: true},
	{programs: `sshpass`, letter: 'p', flag: "p", attached: true, spaced: true},
	{programs: `mongo(?:[a-ce-z][a-z]{0,7}|d[a-z]{1,7})?`, letter: 'p', flag: "p", spaced: true}, // not mongod, the server
	{programs: `redis-cli`, letter: 'a', flag: "a", spaced: true},
	{programs: `ldap[a-z]{2,8}`, letter: 'w', flag: "w", spaced: true},
	{programs: `sqlcmd|bcp|osql`, letter: 'P', flag: "P", attached: true, spaced: true},
	{programs: `(?:docker|podman|nerdctl|buildah|helm|oras|skopeo)` + cliGap + `(?:registry` + cliGap + `)?login`, letter: 'p', flag: "p", spaced: true},
	{programs: `az(?:[ \t]+|\\?"[ \t]*,[ \t]*\\?"|\\?"[ \t]+a1=\\?")login`, letter: 'p', flag: "p", spaced: true}, // anchored on "az login", not on every "az"
	// "7z" and "zip" are in random ids and "gzip": anchored with the space after them
	{programs: `(?:un)?zip(?:cloak)?` + cliSpace, letter: 'P', flag: "P", spaced: true},
	{programs: `7z[ar]?` + cliSpace, letter: 'p', flag: "p", attached: true},
	{programs: `openssl`, letter: 'k', flag: "k", spaced: true}, // enc -k v
	{programs: `smbclient|rpcclient|smbcacls|smbget|smbmap`, letter: 'U', flag: `(?:U|` + cliDash + `user(?:name)?=?)`, user: true, long: "user"},
	// ssh-keygen's new (-N) and old (-P) passphrase, unrar's attached
	// password (-p- asks none), and curl's cookies (-b, --cookie)
	{programs: `ssh-keygen`, letter: 'N', flag: "N", spaced: true},
	{programs: `ssh-keygen`, letter: 'P', flag: "P", spaced: true},
	{programs: `unrar` + cliSpace, letter: 'p', flag: "p", attached: true},
	{programs: `curl`, letter: 'b', flag: `(?:b|` + cliDash + `cookie)`, spaced: true, long: "cookie"},
}

// Pieces of cliClient patterns: an argument separator (a space, the ","
// between two items of a JSON array, or the '" aN="' between two arguments
// of an auditd EXECVE record, escaped or not), and a password
// quoted or bare (a bare one starts with no '-': that is another flag; a
// double-quoted one starts with no ',' or space: that is the separator
// before an array's or an EXECVE record's next argument).
const (
	// cliDash is a flag's dash, or one a word processor put in its place
	// (‐ ‑ ‒ – — ―, as commands pasted from documents have them).
	cliDash     = `[-\x{2010}-\x{2015}]`
	cliGap      = `[^\n\r]{1,12}?` // between two words of a program's name (docker login), loosely
	cliSep      = `(?:[ \t]+|\\?"[ \t]*,[ \t]*\\?"|\\?"[ \t]+a[0-9]{1,4}=\\?")`
	cliQuoted   = `'([^'\n\\]{1,256})'|\\"([^", \t\n\\][^"\n\\]{0,255})\\"|"([^", \t\n\\][^"\n\\]{0,255})"`
	cliBare     = `([^\s"'\\-][^\s"'\\]{0,255})`
	cliAttached = `([^\s"'\\][^\s"'\\]{0,255})`
	cliSpace    = `[ \t]` // ends a program name written as a literal with the space after it
)

// pattern is the client family's redaction pattern: the program, anything
// on the same line, then the flag and its password.
func (c cliClient) pattern() string {
	var alts []string
	if c.attached {
		alts = append(alts, cliDash+c.flag+`(?:`+cliQuoted+`|`+cliAttached+`)`)
	}
	if c.spaced {
		alts = append(alts, cliDash+c.flag+cliSep+`(?:`+cliQuoted+`|`+cliBare+`)`)
	}
	arg := `(?:` + strings.Join(alts, "|") + `)`
	if c.user {
		arg = cliDash + c.flag + `(?:` + cliSep + `)?[^\s%"'\\]{1,128}%` + cliAttached
	}
	if strings.HasSuffix(c.programs, cliSpace) { // the flag may come first
		return `(?:` + c.programs + `)(?:[^\n\r]{0,200}?` + cliSep + `)?` + arg
	}
	return `(?:` + c.programs + `)\b[^\n\r]{0,200}?` + cliSep + arg
}

// precheck is a cheap test that the text from a program's name holds, on
// the same line, a dash and the flag's letter after a space or a quote:
// running the pattern where its program is merely named (mongodb://,
// docker/24.0 in a user agent) costs tens of microseconds a try.
func (c cliClient) precheck(w []byte) bool {
	if !programEnds(w) {
		return false
	}
	for i := 1; i < len(w); i++ {
		if w[i] == '\n' || w[i] == '\r' {
			return false
		}
		n := dashLen(w[i:])
		if n == 0 || !sepByte(w[i-1]) {
			continue
		}
		rest := w[i+n:]
		if len(rest) > 0 && rest[0] == c.letter {
			return true
		}
		if m := dashLen(rest); c.long != "" && m > 0 && bytes.HasPrefix(rest[m:], []byte(c.long)) {
			return true
		}
	}
	return false
}

// programEnds reports whether the name w starts with ends as a program's
// does in a command line: at a space, a quote or a comma, not at '/' or ':'
// (docker/24.0, mongodb://) nor inside a longer word ("7z" in a random id).
func programEnds(w []byte) bool {
	i := 0
	for i < len(w) && (w[i] >= 'a' && w[i] <= 'z' || w[i] >= 'A' && w[i] <= 'Z' || w[i] >= '0' && w[i] <= '9' || w[i] == '-' || w[i] == '.' || w[i] == '_') {
		i++
	}
	return i == len(w) || sepByte(w[i]) || w[i] == '\\' || w[i] == ','
}

// dashLen is the length of the dash b starts with (see cliDash), or 0.
func dashLen(b []byte) int {
	switch {
	case len(b) > 0 && b[0] == '-':
		return 1
	case len(b) > 2 && b[0] == 0xe2 && b[1] == 0x80 && b[2] >= 0x90 && b[2] <= 0x95: // ‐ ‑ ‒ – — ―
		return 3
	}
	return 0
}

func sepByte(c byte) bool { return c == ' ' || c == '\t' || c == '"' }
