package redact

// run scans b, which starts at offset off of the text, from state row.
func (a *automaton) run(b []byte, off int, row uint32, hits []hit, seen *litset) []hit {
	for i := 0; i < len(b); i++ {
		var t uint32
		if i, t = a.steps(b, i, row); i == len(b) {
			break
		}
		row = t &^ outFlag
		hits = a.emit(hits, off+i+1, row, seen)
	}
	return hits
}

// steps runs one chain over b from byte i until a transition ends literals,
// and returns that byte's index and the transition; at the end of b it
// returns len(b). Not inlined, for steps4's reason.
//
//go:noinline
func (a *automaton) steps(b []byte, i int, row uint32) (int, uint32) {
	next, class := a.next, &a.class
	for ; i < len(b); i++ {
		t := next[row+uint32(class[b[i]])]
		if t&outFlag != 0 {
			return i, t
		}
		row = t
	}
	return i, row
}

// emit appends the literals ending at row's state.
func (a *automaton) emit(hits []hit, end int, row uint32, seen *litset) []hit {
	for _, p := range a.outs[int(row)/a.nclass] {
		hits = a.emit1(hits, end, p, seen)
	}
	return hits
}

// emit1 appends literal p ending before byte end, a once-only literal only
// the first time.
func (a *automaton) emit1(hits []hit, end int, p int32, seen *litset) []hit {
	if a.once[p] {
		if seen[p/64]&(1<<(p%64)) != 0 {
			return hits
		}
		seen[p/64] |= 1 << (p % 64)
	}
	return append(hits, hit{int32(end), p})
}
