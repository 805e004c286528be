package redact

import (
	"bytes"
	"strings"
)

// flag handles a name b[ns:ne] written as a long command-line flag
// ("--password") whose value is the next argument: the next word of the
// same text ("--password v") or the next item of the same array
// (["--password", "v"], as Kubernetes container args and ECS commands write
// it). The value becomes a span of KindAssignment; flag returns where it
// ends, or -1 when b[ns:ne] is no such flag. Short flags (-p) are too
// ambiguous to follow: -p is a port as often as a password.
func (s *scan) flag(ns, ne int) int {
	b := s.b
	if ne-ns < 3 || b[ns] != '-' || ne >= len(b) || b[ns+1] != '-' && !singleDashFlag(b[ns+1:ne]) {
		return -1
	}
	j := -1
	if b[ne] == ' ' {
		j = skipSpace(b, ne)
	} else if q := quoteBefore(b, ns); len(q) > 0 && bytes.HasPrefix(b[ne:], q) && arrayItem(b, ns-len(q)) {
		j = nextItem(b, ne+len(q), q)
	} else if len(q) > 0 && bytes.HasPrefix(b[ne:], q) {
		j = nextExecveArg(b, ne+len(q), q)
	}
	if j < 0 || j >= len(b) || argStart(b, j) == '-' || !flagName(b[ns:ne]) && !singleDashFlag(b[ns+1:ne]) {
		return -1 // no argument, or another flag
	}
	return s.value(j, s.c.field+1, false, plainName)
}

// singleDashFlags are flags written with one dash whose argument is a
// password though their names do not say so: keytool's and openssl's.
var singleDashFlags = [...]string{"storepass", "keypass", "srcstorepass", "deststorepass", "srckeypass", "destkeypass",
	"passin", "passout", "pass"}

// singleDashFlag reports whether name, after a single dash, is a flag that
// takes a secret (-password, -token, -storepass, -passin): one of
// singleDashFlags or a flag name (flagName) of four bytes or more (-p, -pw
// and -key are as often a port, a path or a key file).
func singleDashFlag(name []byte) bool {
	if len(name) < 4 || name[0] == '-' {
		return false
	}
	for _, f := range singleDashFlags {
		if bytes.EqualFold(name, []byte(f)) {
			return true
		}
	}
	return flagName(name)
}

// nextExecveArg is where the argument after the one ending at b[i] opens in
// an auditd EXECVE record (a1="--password" a2="v"), quoted with q; else -1.
func nextExecveArg(b []byte, i int, q []byte) int {
	j := skipSpace(b, i)
	if j == i || j >= len(b) || b[j] != 'a' {
		return -1
	}
	for j++; j < len(b) && '0' <= b[j] && b[j] <= '9'; j++ {
	}
	if j >= len(b) || b[j] != '=' || !bytes.HasPrefix(b[j+1:], q) {
		return -1
	}
	return j + 1
}

// arrayItem reports whether the string opening at b[i] is an array item:
// '[' or ',' comes before it. (A member's name follows ',' too, but no ','
// follows a name.)
func arrayItem(b []byte, i int) bool {
	for i > 0 && (b[i-1] == ' ' || b[i-1] == '\t') {
		i--
	}
	return i > 0 && (b[i-1] == '[' || b[i-1] == ',')
}

// nextItem is where the array item after the one ending at b[i] opens,
// when it is a string quoted with q; else -1.
func nextItem(b []byte, i int, q []byte) int {
	if i = skipSpace(b, i); i >= len(b) || b[i] != ',' {
		return -1
	}
	if i = skipSpace(b, i+1); !bytes.HasPrefix(b[i:], q) {
		return -1
	}
	return i
}

// argStart is the first byte of the argument at b[i], inside any quote.
func argStart(b []byte, i int) byte {
	if q := quoteAt(b, i); q != nil {
		i += len(q)
	}
	if i < len(b) {
		return b[i]
	}
	return 0
}

// flagName reports whether a long flag (dashes and all) names a secret its
// argument holds: its name ends with a secret's word (--db-password,
// --token, --api-key, --client-secret; not --password-file or
// --password-stdin) and it is not a switch (--no-password, --ask-pass).
func flagName(name []byte) bool {
	name = bytes.TrimLeft(name, "-")
	for _, sw := range [...]string{"no-", "no_", "ask-", "ask_"} {
		if len(name) >= len(sw) && bytes.EqualFold(name[:len(sw)], []byte(sw)) {
			return false
		}
	}
	var buf [maxName]byte
	n := string(normalize(buf[:0], name))
	return len(name) <= maxName && !isMetadata(n) && (endsSecret(name, n, false) ||
		strings.HasSuffix(n, "key") && (strings.Contains(n, "secret") || strings.Contains(n, "private"))) // --secret-key
}
