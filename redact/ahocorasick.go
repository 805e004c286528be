package redact

import (
	"errors"
	"strings"
	"unicode/utf8"
)

// automaton finds every occurrence of a set of ASCII literals, ignoring
// ASCII case, in one pass: an Aho-Corasick machine compiled to a DFA over
// byte classes (the bytes the literals use; every other byte is class 0).
type automaton struct {
	class  [256]uint8
	nclass int
	next   []uint32  // row+class: the next state's row (state*nclass), outFlag if it ends literals
	outs   [][]int32 // literals ending at each state, suffixes included
	levels []uint16  // each state's depth: the bytes of text it stands for
	sizes  []uint16  // each literal's length
	once   []bool    // literals whose first occurrence is all that matters
}

// maxLiterals bounds the literals, so that a set of them fits the stack.
const maxLiterals = 1024

// maxLiteralSize bounds a literal's length, so that lengths fit uint16.
const maxLiteralSize = 1 << 15

// litset is a set of literal indexes.
type litset [maxLiterals / 64]uint64

const outFlag = 1 << 31

// hit is an occurrence of literal pat ending before byte end.
type hit struct{ end, pat int32 }

func newAutomaton(lits []string, once []bool) (*automaton, error) {
	if len(lits) > maxLiterals {
		return nil, errors.New("prefilter: too many literals")
	}
	a := &automaton{nclass: 1, once: once}
	lower := make([]string, len(lits))
	for i, l := range lits {
		lower[i] = strings.ToLower(l)
	}
	for _, l := range lower {
		if len(l) > maxLiteralSize {
			return nil, errors.New("prefilter: a literal is too long")
		}
		a.sizes = append(a.sizes, uint16(len(l)))
		for i := 0; i < len(l); i++ {
			if c := l[i]; a.class[c] == 0 {
				a.class[c] = uint8(a.nclass)
				a.nclass++
				if c >= utf8.RuneSelf {
					a.foldHigh(a.class[c])
				}
			}
		}
	}
	for c := 'A'; c <= 'Z'; c++ {
		a.class[c] = a.class[c+'a'-'A']
	}
	if a.nclass > 255 {
		return nil, errors.New("prefilter: too many distinct bytes")
	}
	goTo, outs := a.trie(lower)
	if len(goTo) >= outFlag {
		return nil, errors.New("prefilter: too many states")
	}
	a.outs = outs
	a.link(goTo)
	return a, nil
}

// trie returns the goto function (-1 for none) and each node's own literals
// (lits are lower case).
func (a *automaton) trie(lits []string) ([]int32, [][]int32) {
	goTo := make([]int32, a.nclass)
	for i := range goTo {
		goTo[i] = -1
	}
	outs := [][]int32{nil}
	a.levels = []uint16{0}
	for id, l := range lits {
		s := int32(0)
		for j, c := range []byte(l) {
			at := int(s)*a.nclass + int(a.class[c])
			if goTo[at] < 0 {
				goTo[at] = int32(len(outs))
				outs = append(outs, nil)
				a.levels = append(a.levels, uint16(j+1))
				for range a.nclass {
					goTo = append(goTo, -1)
				}
			}
			s = goTo[at]
		}
		outs[s] = append(outs[s], int32(id))
	}
	return goTo, outs
}

// link fills in failure transitions breadth first, making goTo a DFA.
func (a *automaton) link(goTo []int32) {
	fail := make([]int32, len(a.outs))
	queue := []int32{0}
	for len(queue) > 0 {
		s := queue[0]
		queue = queue[1:]
		for c := range a.nclass {
			at := int(s)*a.nclass + c
			t := goTo[at]
			switch {
			case t >= 0 && s != 0:
				fail[t] = goTo[int(fail[s])*a.nclass+c]
				a.outs[t] = append(a.outs[t], a.outs[fail[t]]...)
				queue = append(queue, t)
			case t >= 0:
				queue = append(queue, t)
			case s == 0:
				goTo[at] = 0
			default:
				goTo[at] = goTo[int(fail[s])*a.nclass+c]
			}
		}
	}
	a.next = make([]uint32, len(goTo))
	for i, t := range goTo {
		a.next[i] = uint32(int(t) * a.nclass)
		if len(a.outs[t]) > 0 {
			a.next[i] |= outFlag
		}
	}
}

// foldHigh gives every byte of UTF-8's multi-byte sequences the class k:
// a class per distinct byte would widen every row of the table (by a third
// for a few Cyrillic, Japanese and Chinese words), and the ASCII text most
// messages are would pay for it. A literal's non-ASCII bytes then stand
// for any such bytes (密码 for any run of six), and the name scanner
// judges the word found.
func (a *automaton) foldHigh(k uint8) {
	for c := utf8.RuneSelf; c <= 0xff; c++ {
		a.class[c] = k
	}
}
