package redact

// span is a secret at b[start:end] found by rule.
type span struct{ start, end, rule int32 }

// scan is the state of one search over b.
type scan struct {
	c       *catalogue
	b       []byte
	gates   bitset           // rules one of whose keywords occurs
	factors bitset           // factor sets one of whose literals occurs
	spent   [maxCapped]int32 // bytes of anchored tries of capped rules, to bound adversarial input
	spans   []span
	depth   int // encodings left to look through
}

// find returns every secret in b, also where escapes or base64 spell it;
// nil (and no allocation) when there is none.
func (c *catalogue) find(b []byte) []span { return c.findDepth(b, maxLookDepth) }

// findDepth is find looking through depth encodings.
func (c *catalogue) findDepth(b []byte, depth int) []span {
	var buf [64]hit
	var seen litset
	hits := c.ac.scan(b, buf[:0], &seen)
	if len(hits) == 0 {
		return nil
	}
	s := scan{c: c, b: b, gates: c.ungated, depth: depth}
	for _, h := range hits {
		for _, g := range c.triggers[h.pat].gates {
			s.gates.set(g)
		}
		for _, f := range c.triggers[h.pat].factors {
			s.factors.set(f)
		}
	}
	keyEnd := int32(-1)
	escaped, blobs := false, []int32(nil)
	for _, h := range hits {
		t := &c.triggers[h.pat]
		start := h.end - t.size
		escaped = escaped || t.mark == markEscaped
		if t.mark == markBase64 {
			blobs = append(blobs, start)
		}
		for _, ri := range t.anchors {
			if s.runs(ri) {
				s.anchored(ri, int(start))
			}
		}
		if t.key && start >= keyEnd {
			keyEnd = int32(s.name(int(start), int(h.end)))
		}
	}
	for _, ri := range c.loose {
		if s.runs(ri) {
			s.around(ri, hits)
		}
	}
	if depth > 0 && (escaped || blobs != nil) {
		s.lookThrough(escaped, blobs)
	}
	return s.spans
}

// runs reports whether rule ri may match: a keyword and a literal of each
// factor set occur.
func (s *scan) runs(ri int32) bool {
	if !s.gates.has(ri) {
		return false
	}
	for _, g := range s.c.rules[ri].factors {
		if !s.factors.has(g) {
			return false
		}
	}
	return true
}

// bitset is a set of rule (or factor set) indexes.
type bitset [(max(maxRules, maxGroups) + 63) / 64]uint64

func (b *bitset) set(i int32)      { b[i/64] |= 1 << (i % 64) }
func (b *bitset) has(i int32) bool { return b[i/64]&(1<<(i%64)) != 0 }
