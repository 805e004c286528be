package redact

import (
	"fmt"
	"regexp"
	"regexp/syntax"
)

// maxRules and maxCapped bound the catalogue so that per-scan rule state
// fits the stack.
const (
	maxRules  = 384
	maxCapped = 96
	maxGroups = 256 // factor sets
)

// minAnchor is the shortest literal worth anchoring on.
const minAnchor = 2

// add compiles one rule. Rules with a literal prefix are anchored on it;
// the others run unanchored around their keywords.
func (b *builder) add(kind, expr string, secretGroup int, keywords []string, gitleaks bool) error {
	tree, err := syntax.Parse(expr, syntax.Perl)
	if err != nil {
		return fmt.Errorf("rule %s: %w", kind, err)
	}
	r := rule{kind: kind, group: secretGroup, gated: len(keywords) > 0}
	r.keyed = stripIdentifier(tree)
	if r.group == 0 && tree.MaxCap() > 0 {
		r.group = -1
	}
	body := expr // String costs milliseconds on a negated class: only when the tree changed
	if r.keyed {
		body = tree.String()
	}
	if r.free, err = regexp.Compile(body); err != nil {
		return fmt.Errorf("rule %s: %w", kind, err)
	}
	idx := int32(len(b.c.rules))
	if err := b.bound(&r, tree); err != nil {
		return err
	}
	anchors, _ := prefixes(tree)
	if anchorable(anchors) {
		r.first = regexp.MustCompile(`^(?:` + body + `)`)
		r.after = regexp.MustCompile(`^(?s:.)(?:` + body + `)`)
		for _, a := range anchors {
			t := b.literal(a)
			b.c.triggers[t].anchors = append(b.c.triggers[t].anchors, idx)
		}
	} else if !r.gated {
		return fmt.Errorf("rule %s: no literal prefix and no keywords", kind)
	} else {
		b.c.loose = append(b.c.loose, idx)
	}
	if !gitleaks { // the legacy patterns' anchors are their keywords
		r.gated, keywords = true, anchors
	}
	if !r.gated {
		b.c.ungated.set(idx)
	}
	if !b.unfactored {
		if err := b.factor(&r, factorSets(tree, anchors)); err != nil {
			return err
		}
	}
	for _, k := range keywords {
		t := b.literal(k)
		b.c.triggers[t].gates = append(b.c.triggers[t].gates, idx)
	}
	b.c.rules = append(b.c.rules, r)
	return nil
}

func anchorable(anchors []string) bool {
	if len(anchors) == 0 {
		return false
	}
	for _, a := range anchors {
		if len(a) < minAnchor {
			return false
		}
	}
	return true
}

// bound sets how far a try of r reads.
func (b *builder) bound(r *rule, tree *syntax.Regexp) error {
	r.width = maxWidth(tree)
	if r.capped = r.width == unbounded || r.width > maxWidthCap; r.capped {
		r.width = maxWidthCap
		r.slot, b.c.capped = b.c.capped, b.c.capped+1
		if r.slot >= maxCapped {
			return fmt.Errorf("rule %s: more than %d rules without a length bound", r.kind, maxCapped)
		}
	}
	r.width++ // a match ending at the window's end must not look like one at the text's end
	return nil
}

// factor registers the factor sets of r.
func (b *builder) factor(r *rule, sets [][]string) error {
	for _, set := range sets {
		g := b.c.groups
		if b.c.groups++; g >= maxGroups {
			return fmt.Errorf("rule %s: more than %d factor sets", r.kind, maxGroups)
		}
		r.factors = append(r.factors, g)
		for _, l := range set {
			t := b.literal(l)
			b.c.triggers[t].factors = append(b.c.triggers[t].factors, g)
		}
	}
	return nil
}
