package redact

import (
	"regexp/syntax"
	"strings"
	"unicode/utf8"
)

// maxPrefixes bounds the literal prefixes expanded from one expression.
const maxPrefixes = 32

// stripIdentifier removes the leading optional identifier run that gitleaks'
// "keyword = value" rules start with ([\w.-]{0,50}?). It only widens where a
// match may start, never what the capture groups hold. It reports whether
// anything was removed.
func stripIdentifier(re *syntax.Regexp) bool {
	if re.Op == syntax.OpAlternate {
		stripped := false
		for _, sub := range re.Sub {
			stripped = stripIdentifier(sub) || stripped
		}
		return stripped
	}
	if re.Op != syntax.OpConcat {
		return false
	}
	n := 0
	for n < len(re.Sub) && optionalClass(re.Sub[n]) {
		n++
	}
	re.Sub = re.Sub[n:]
	if len(re.Sub) > 0 && re.Sub[0].Op == syntax.OpConcat {
		return stripIdentifier(re.Sub[0]) || n > 0
	}
	return n > 0
}

func optionalClass(re *syntax.Regexp) bool {
	switch re.Op {
	case syntax.OpStar, syntax.OpQuest:
	case syntax.OpRepeat:
		if re.Min != 0 {
			return false
		}
	default:
		return false
	}
	return re.Sub[0].Op == syntax.OpCharClass
}

// prefixes returns lower-cased literals one of which every match starts with,
// and whether each literal is the whole match of re.
func prefixes(re *syntax.Regexp) (lits []string, whole bool) {
	switch re.Op {
	case syntax.OpEmptyMatch, syntax.OpBeginText, syntax.OpBeginLine, syntax.OpWordBoundary:
		return []string{""}, true
	case syntax.OpLiteral:
		s := strings.ToLower(string(re.Rune))
		if !isASCII(s) {
			return []string{""}, false
		}
		return []string{s}, true
	case syntax.OpCharClass:
		return classLiterals(re.Rune)
	case syntax.OpCapture:
		return prefixes(re.Sub[0])
	case syntax.OpQuest:
		lits, whole := prefixes(re.Sub[0])
		return dedupe(append(lits, "")), whole
	case syntax.OpRepeat, syntax.OpPlus:
		if re.Op == syntax.OpRepeat && re.Min == 0 {
			return []string{""}, false
		}
		lits, _ := prefixes(re.Sub[0])
		return lits, false
	case syntax.OpAlternate:
		whole = true
		for _, sub := range re.Sub {
			l, w := prefixes(sub)
			lits, whole = append(lits, l...), whole && w
		}
		return dedupe(lits), whole
	case syntax.OpConcat:
		return concatPrefixes(re.Sub)
	}
	return []string{""}, false
}

func concatPrefixes(subs []*syntax.Regexp) ([]string, bool) {
	acc := []string{""}
	for _, sub := range subs {
		l, w := prefixes(sub)
		if len(acc)*len(l) > maxPrefixes {
			return acc, false
		}
		next := make([]string, 0, len(acc)*len(l))
		for _, a := range acc {
			for _, b := range l {
				next = append(next, a+b)
			}
		}
		acc = dedupe(next)
		if !w {
			return acc, false
		}
	}
	return acc, true
}

// classLiterals expands a small ASCII class such as [Mm] or [pousr].
func classLiterals(ranges []rune) ([]string, bool) {
	var out []string
	for i := 0; i+1 < len(ranges); i += 2 {
		if ranges[i+1]-ranges[i] > 8 || ranges[i+1] >= utf8.RuneSelf {
			return []string{""}, false
		}
		for c := ranges[i]; c <= ranges[i+1]; c++ {
			out = append(out, strings.ToLower(string(c)))
		}
	}
	out = dedupe(out)
	if len(out) > 8 {
		return []string{""}, false
	}
	return out, true
}
