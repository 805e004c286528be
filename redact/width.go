package redact

import (
	"regexp/syntax"
	"slices"
	"unicode"
	"unicode/utf8"
)

// unbounded is the width of an expression with no upper bound on its length.
const unbounded = -1

// maxWidth returns the most bytes a match of re can span, or unbounded.
// Case folding can match a multi-byte rune for an ASCII one (k and the
// Kelvin sign), so a folded literal counts its widest fold.
func maxWidth(re *syntax.Regexp) int {
	switch re.Op {
	case syntax.OpLiteral:
		n := 0
		for _, r := range re.Rune {
			n += runeWidth(r, re.Flags&syntax.FoldCase != 0)
		}
		return n
	case syntax.OpCharClass:
		if len(re.Rune) == 0 {
			return 0
		}
		return utf8.RuneLen(min(re.Rune[len(re.Rune)-1], unicode.MaxRune))
	case syntax.OpAnyChar, syntax.OpAnyCharNotNL:
		return utf8.UTFMax
	case syntax.OpCapture:
		return maxWidth(re.Sub[0])
	case syntax.OpQuest:
		return maxWidth(re.Sub[0])
	case syntax.OpStar, syntax.OpPlus:
		return unbounded
	case syntax.OpRepeat:
		w := maxWidth(re.Sub[0])
		if re.Max < 0 || w == unbounded {
			return unbounded
		}
		return w * re.Max
	case syntax.OpConcat, syntax.OpAlternate:
		total := 0
		for _, sub := range re.Sub {
			w := maxWidth(sub)
			if w == unbounded {
				return unbounded
			}
			if re.Op == syntax.OpConcat {
				total += w
			} else {
				total = max(total, w)
			}
		}
		return total
	}
	return 0 // empty-width assertions and empty matches
}

// runeWidth is the widest encoding of r, or of any rune it folds to.
func runeWidth(r rune, fold bool) int {
	w := utf8.RuneLen(r)
	for f := unicode.SimpleFold(r); fold && f != r; f = unicode.SimpleFold(f) {
		w = max(w, utf8.RuneLen(f))
	}
	return w
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

func dedupe(s []string) []string {
	slices.Sort(s)
	return slices.Compact(s)
}
