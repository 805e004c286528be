package dashboards_test

import (
	"regexp"
	"strings"
	"testing"
)

// conditionalAll is the ClickHouse plugin's applyConditionalAll: from the
// last $__conditionalAll(condition, $var) back, the call becomes 1=1 when
// the variable is All or empty, else the condition.
func conditionalAll(t testing.TB, raw string, v vars) string {
	t.Helper()
	const macro = "$__conditionalAll("
	for i := strings.LastIndex(raw, macro); i >= 0; i = strings.LastIndex(raw, macro) {
		args := macroArgs(raw[i+len(macro)-1:])
		if len(args) != 2 {
			t.Fatalf("$__conditionalAll needs 2 arguments: %q", raw[i:])
		}
		phrase := args[0]
		if name := varName.FindString(strings.TrimSpace(args[1])); name != "" {
			if value := v[strings.Trim(name, "${}")]; value == "" || value == allValue {
				phrase = "1=1"
			}
		}
		if strings.ContainsAny(phrase, "`") || strings.Contains(phrase, "$$") || strings.Contains(phrase, "$&") ||
			strings.Contains(phrase, "$'") {
			t.Fatalf("JavaScript's String.replace would expand a $ pattern in %q", phrase)
		}
		raw = strings.Replace(raw, macro+args[0]+","+args[1]+")", phrase, 1)
	}
	return raw
}

// varName finds the variable in $__conditionalAll's second argument.
var varName = regexp.MustCompile(`\$\{\w+\}|\$\w+`)

// macroArgs splits "(a, b(c, d))…" into its top-level arguments, untrimmed,
// as the plugin's getMacroArgs does (no regard for string literals).
func macroArgs(s string) []string {
	var args []string
	depth, last := 0, 1
	for i, c := range s {
		switch c {
		case '(':
			depth++
		case ')':
			if depth--; depth == 0 {
				return append(args, s[last:i])
			}
		case ',':
			if depth == 1 {
				args, last = append(args, s[last:i]), i+1
			}
		}
	}
	return nil
}
