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
	next, class := a.next, &a.class
	var row1, row2 uint32
	first, rest := b[:mid], b[from:]
	for i, c := range first {
		t1 := next[row1+uint32(class[c])]
		t2 := next[row2+uint32(class[rest[i]])]
		row1, row2 = t1&^outFlag, t2&^outFlag
		if (t1|t2)&outFlag != 0 {
			if t1&outFlag != 0 {
				hits = a.emit(hits, i+1, row1, seen)
			}
			if t2&outFlag != 0 && from+i+1 > mid {
				second = a.emit(second, from+i+1, row2, seen)
			}
		}
	}
	hits = append(hits, second...)
	return a.run(rest[len(first):], from+len(first), row2, hits, seen)
}

// run scans b, which starts at offset off of the text, from state row.
func (a *automaton) run(b []byte, off int, row uint32, hits []hit, seen *litset) []hit {
	next, class := a.next, &a.class
	for i, c := range b {
		t := next[row+uint32(class[c])]
		row = t &^ outFlag
		if t&outFlag != 0 {
			hits = a.emit(hits, off+i+1, row, seen)
		}
	}
	return hits
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
