package redact

// scan appends every occurrence in b to hits, in order of their ends. Each
// byte costs a load that depends on the previous one, so long texts are
// scanned as two halves interleaved; the second half starts depth bytes
// early, which brings its state in line with a scan from the start.
func (a *automaton) scan(b []byte, hits []hit, seen *litset) []hit {
	mid := len(b) / 2
	from := mid - a.depth
	if from < a.depth {
		return a.run(b, 0, 0, hits, seen)
	}
	var buf [32]hit
	second := buf[:0]
	var row1, row2 uint32
	first, rest := b[:mid], b[from:]
	for i := 0; i < len(first); i++ {
		var t1, t2 uint32
		i, t1, t2 = a.steps2(first, rest, i, row1, row2)
		row1, row2 = t1&^outFlag, t2&^outFlag
		if t1&outFlag != 0 {
			hits = a.emit(hits, i+1, row1, seen)
		}
		if t2&outFlag != 0 && from+i+1 > mid {
			second = a.emit(second, from+i+1, row2, seen)
		}
	}
	hits = append(hits, second...)
	return a.run(rest[len(first):], from+len(first), row2, hits, seen)
}

// steps2 runs the two chains over x and y from byte i until a transition
// ends literals, and returns that byte's index and both transitions; at the
// end of x it returns len(x) and both states. The loop makes no call, so its
// states stay in registers (scan's emit calls would spill them); inlined,
// it would be scan's loop again.
//
//go:noinline
func (a *automaton) steps2(x, y []byte, i int, row1, row2 uint32) (int, uint32, uint32) {
	next, class := a.next, &a.class
	y = y[:len(x)]
	for ; i < len(x); i++ {
		t1 := next[row1+uint32(class[x[i]])]
		t2 := next[row2+uint32(class[y[i]])]
		if (t1|t2)&outFlag != 0 {
			return i, t1, t2
		}
		row1, row2 = t1, t2
	}
	return i, row1, row2
}

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
// returns len(b). Not inlined, for steps2's reason.
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

// emit appends the literals ending at row's state, each once-only literal
// only the first time.
func (a *automaton) emit(hits []hit, end int, row uint32, seen *litset) []hit {
	for _, p := range a.outs[int(row)/a.nclass] {
		if a.once[p] {
			if seen[p/64]&(1<<(p%64)) != 0 {
				continue
			}
			seen[p/64] |= 1 << (p % 64)
		}
		hits = append(hits, hit{int32(end), p})
	}
	return hits
}
