package dashboards_test

import (
	"strings"
	"testing"
)

// replaceMacro replaces each whole-name occurrence of token, with the
// argument list that follows it if any, by expand(args).
func replaceMacro(t testing.TB, s, token string, expand func([]string) string) string {
	t.Helper()
	var b strings.Builder
	for {
		i := strings.Index(s, token)
		if i < 0 {
			return b.String() + s
		}
		after := i + len(token)
		if after < len(s) && isNameChar(s[after]) {
			b.WriteString(s[:after])
			s = s[after:]
			continue
		}
		b.WriteString(s[:i])
		s = s[after:]
		raw := ""
		if strings.HasPrefix(s, "(") {
			if end := closingParen(s); end > 0 {
				raw, s = s[1:end], s[end+1:]
			}
		}
		b.WriteString(expand(splitArgs(t, raw)))
	}
}

func isNameChar(c byte) bool {
	return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// closingParen is the index of the ')' closing s[0], skipping quoted
// strings (” and "" doubled quotes escape), or -1.
func closingParen(s string) int {
	depth := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\'', '"':
			i = endOfString(s, i) - 1
		case '(':
			depth++
		case ')':
			if depth--; depth == 0 {
				return i
			}
		}
	}
	return -1
}

// endOfString is the index after the literal opened at s[i].
func endOfString(s string, i int) int {
	q := s[i]
	for j := i + 1; j < len(s); j++ {
		if s[j] == q {
			if j+1 < len(s) && s[j+1] == q {
				j++
				continue
			}
			return j + 1
		}
	}
	return len(s)
}

// splitArgs splits a macro's raw arguments at top-level commas, trimmed.
func splitArgs(t testing.TB, raw string) []string {
	t.Helper()
	raw = strings.TrimSpace(raw)
	if raw == "" {
		return []string{}
	}
	var args []string
	depth, start := 0, 0
	for i := 0; i < len(raw); i++ {
		switch raw[i] {
		case '\'', '"':
			i = endOfString(raw, i) - 1
		case '(':
			depth++
		case ')':
			depth--
		case ',':
			if depth == 0 {
				args, start = append(args, strings.TrimSpace(raw[start:i])), i+1
			}
		}
	}
	if depth != 0 {
		t.Fatalf("unbalanced parentheses in macro arguments %q", raw)
	}
	return append(args, strings.TrimSpace(raw[start:]))
}
