package redact

import (
	"regexp/syntax"
	"slices"
	"strings"
)

// maxFactorSets bounds the factor sets kept for one rule.
const maxFactorSets = 3

// factorSets returns sets of lower-cased literals such that every match of
// re holds a literal of each set, leaving out sets as common as anchors (one
// byte long, or anchors itself). A rule runs only when every one of its sets
// occurs: ".ey" for a JWT anchored on "ey", "-h" or "--header" and
// "authorization:" or "token" for a curl command line anchored on "curl".
func factorSets(re *syntax.Regexp, anchors []string) [][]string {
	cands := [][]string{factors(re)}
	if re.Op == syntax.OpConcat {
		for i, sub := range re.Sub {
			lits, _ := concatPrefixes(re.Sub[i:])
			cands = append(cands, factors(sub), lits)
		}
	}
	var sets [][]string
	for _, f := range cands {
		if shortest(f) >= minAnchor && !implied(f, anchors) && !slices.ContainsFunc(sets, func(s []string) bool { return slices.Equal(s, f) }) {
			sets = append(sets, f)
		}
	}
	slices.SortStableFunc(sets, func(a, b []string) int { return shortest(b) - shortest(a) })
	return sets[:min(len(sets), maxFactorSets)]
}

// factors returns lower-cased literals one of which every match of re
// contains, choosing among the candidate sets the one whose shortest literal
// is longest; nil when none is known.
func factors(re *syntax.Regexp) []string {
	switch re.Op {
	case syntax.OpLiteral:
		if s := strings.ToLower(string(re.Rune)); isASCII(s) {
			return []string{s}
		}
	case syntax.OpCapture, syntax.OpPlus:
		return factors(re.Sub[0])
	case syntax.OpRepeat:
		if re.Min > 0 {
			return factors(re.Sub[0])
		}
	case syntax.OpAlternate:
		var out []string
		for _, sub := range re.Sub {
			f := factors(sub)
			if f == nil {
				return nil
			}
			out = append(out, f...)
		}
		if out = dedupe(out); len(out) <= maxPrefixes {
			return out
		}
	case syntax.OpConcat:
		var best []string
		for i, sub := range re.Sub {
			lits, _ := concatPrefixes(re.Sub[i:])
			if shortest(lits) > shortest(best) {
				best = lits
			}
			if f := factors(sub); shortest(f) > shortest(best) {
				best = f
			}
		}
		if shortest(best) > 0 {
			return best
		}
	}
	return nil
}

// implied reports whether every anchor holds a literal of set, so that set
// occurs wherever an anchor does.
func implied(set, anchors []string) bool {
	if len(anchors) == 0 {
		return false
	}
	for _, a := range anchors {
		if !slices.ContainsFunc(set, func(l string) bool { return strings.Contains(a, l) }) {
			return false
		}
	}
	return true
}

// shortest is the length of the shortest of lits, 0 for none.
func shortest(lits []string) int {
	if len(lits) == 0 {
		return 0
	}
	n := len(lits[0])
	for _, l := range lits[1:] {
		n = min(n, len(l))
	}
	return n
}
