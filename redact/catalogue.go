package redact

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"sync"
)

// rule is one compiled pattern. A rule whose matches all start with one of a
// few literals (its anchors) is tried only where an anchor occurs, anchored
// there: that keeps the cost per message near the cost of the prefilter.
type rule struct {
	kind   string
	first  *regexp.Regexp // ^(?:re): an anchor at offset 0
	after  *regexp.Regexp // ^(?s:.)(?:re): one byte before the anchor, so \b sees it
	free   *regexp.Regexp // re unanchored: around keywords when there are no anchors
	group  int            // the secret: 0 the whole match, -1 the first non-empty group
	width  int            // bytes a try reads past the anchor (or either side of a keyword)
	keyed  bool           // a "name = value" rule: names of metadata (token_id) are skipped
	gated  bool           // runs only if one of its keywords occurs
	capped bool           // the match has no length bound; width is a cap
	slot   int32          // a capped rule's index among the capped
	// factors are the rule's factor sets (see factorSets): it runs only
	// when a literal of each occurs.
	factors []int32
	// pre, when set, is a cheap test the text from an anchor must pass
	// before the rule is tried there (see legacyPattern).
	pre func([]byte) bool
}

// maxWidthCap bounds how far one try reads when a match has no bound. A
// PEM private key of 8192 bits fits.
const maxWidthCap = 16 << 10

// trigger says what an occurrence of one prefilter literal means.
type trigger struct {
	gates   []int32 // rules this keyword lets run
	anchors []int32 // rules to try where it starts
	factors []int32 // factor sets it belongs to
	key     bool    // a word of secret-like names: scan the name around it
	mark    uint8   // markEscaped, markBase64: text in another encoding may start here
	size    int32   // the literal's length
}

// catalogue is every rule with its prefilter. It is built once and shared.
type catalogue struct {
	rules    []rule
	triggers []trigger
	ac       *automaton
	ungated  bitset  // rules that run without a keyword
	loose    []int32 // rules without anchors, run around their keywords
	groups   int32   // factor sets
	capped   int32   // rules with capped width so far
	field    int32   // rule index of KindField; KindAssignment is field+1
}

var loadCatalogue = sync.OnceValues(buildCatalogue)

func buildCatalogue() (*catalogue, error) {
	b := &builder{index: map[string]int32{}, c: &catalogue{}}
	for _, p := range legacyPatterns {
		if err := b.add(p.kind, p.regex, 0, nil, false); err != nil {
			return nil, err
		}
		b.c.rules[len(b.c.rules)-1].pre = p.pre
	}
	b.unfactored = true // the clients' names are rare; their flags are not
	for _, c := range cliClients {
		if err := b.add(KindCLIPassword, c.pattern(), 0, nil, false); err != nil {
			return nil, err
		}
		b.c.rules[len(b.c.rules)-1].pre = c.precheck
	}
	for _, p := range slices.Concat(commandPatterns[:], dumpPatterns[:], moreCommandPatterns, shapePatterns[:], prefixPatterns[:], derKeyPatterns[:], adminPatterns[:], clientAuthPatterns[:]) {
		if err := b.add(p.kind, p.regex, 0, nil, false); err != nil {
			return nil, err
		}
		b.c.rules[len(b.c.rules)-1].pre = p.pre
	}
	for _, l := range slices.Concat(looseRules, echoRules) {
		if err := b.add(l.kind, l.expr, 1, l.keywords, true); err != nil {
			return nil, err
		}
	}
	b.unfactored = false
	rules, err := gitleaksRules()
	if err != nil {
		return nil, err
	}
	for _, r := range rules {
		if err := b.add(r.ID, r.Regex, r.SecretGroup, r.Keywords, true); err != nil {
			return nil, err
		}
	}
	b.c.field = int32(len(b.c.rules))
	b.c.rules = append(b.c.rules, rule{kind: KindField}, rule{kind: KindAssignment})
	for _, w := range keyWords {
		b.c.triggers[b.literal(w)].key = true
	}
	for _, w := range foreignKeyWords {
		b.c.triggers[b.literal(w)].key = true
	}
	for _, w := range moreKeyWords {
		b.c.triggers[b.literal(w)].key = true
	}
	b.c.triggers[b.literal(secureString)].key = true // a type that makes its object's value a secret
	for _, w := range escapedMarks {
		b.c.triggers[b.literal(w)].mark = markEscaped
	}
	for _, w := range base64Marks {
		b.c.triggers[b.literal(w)].mark = markBase64
	}
	if len(b.c.rules) > maxRules {
		return nil, fmt.Errorf("redact: %d rules, at most %d", len(b.c.rules), maxRules)
	}
	ac, err := newAutomaton(b.lits, b.onceOnly())
	b.c.ac = ac
	return b.c, err
}

type builder struct {
	c          *catalogue
	lits       []string
	index      map[string]int32
	unfactored bool // add gives rules no factor sets
}

// literal returns the trigger index of lit, adding it if new.
func (b *builder) literal(lit string) int32 {
	lit = strings.ToLower(lit)
	if i, ok := b.index[lit]; ok {
		return i
	}
	i := int32(len(b.lits))
	b.index[lit], b.lits = i, append(b.lits, lit)
	b.c.triggers = append(b.c.triggers, trigger{size: int32(len(lit))})
	return i
}

// onceOnly marks the literals whose positions nothing uses: those that only
// enable rules (keywords of anchored rules, factors).
func (b *builder) onceOnly() []bool {
	once := make([]bool, len(b.lits))
	for i, t := range b.c.triggers {
		once[i] = len(t.anchors) == 0 && !t.key && t.mark != markBase64 && !slices.ContainsFunc(t.gates, func(ri int32) bool {
			return b.c.rules[ri].first == nil
		})
	}
	return once
}
