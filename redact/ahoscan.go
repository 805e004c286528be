package redact

import "slices"

// lanes is how many chains of transitions scan a long text at once: each
// byte costs a load that depends on the previous one, so one chain leaves
// the core waiting; four independent chains keep it busy.
const lanes = 4

// minLane is the shortest quarter worth a lane of its own.
const minLane = 16

// scan appends every occurrence in b to hits, in order of their ends. A
// long text is cut into four quarters, each scanned from the start state;
// then each lane runs on past its quarter's end until its state is one the
// next lane's scan also reached there (see syncLane), reporting what the
// next lane missed: literals that cross the cut.
func (a *automaton) scan(b []byte, hits []hit, seen *litset) []hit {
	q := len(b) / lanes
	if q < minLane {
		return a.run(b, 0, 0, hits, seen)
	}
	var bufs [lanes - 1][32]hit
	var later [lanes - 1][]hit // lanes 1-3's hits, until they follow lane 0's
	for k := range later {
		later[k] = bufs[k][:0]
	}
	var r [lanes]uint32
	for i := 0; i < q; i++ {
		var t [lanes]uint32
		i, t[0], t[1], t[2], t[3] = a.steps4(b, q, i, r[0], r[1], r[2], r[3])
		for k := range lanes {
			r[k] = t[k] &^ outFlag
			if t[k]&outFlag == 0 {
				continue
			}
			if k == 0 {
				hits = a.emit(hits, i+1, r[0], seen)
			} else {
				later[k-1] = a.emit(later[k-1], k*q+i+1, r[k], seen)
			}
		}
	}
	n := len(hits)
	hits = a.syncLane(b, q, r[0], hits, seen)
	crossed := len(hits) > n
	for k := 1; k < lanes-1; k++ {
		n = len(later[k-1])
		later[k-1] = a.syncLane(b, (k+1)*q, r[k], later[k-1], seen)
		crossed = crossed || len(later[k-1]) > n
	}
	later[lanes-2] = a.run(b[lanes*q:], lanes*q, r[lanes-1], later[lanes-2], seen)
	for _, h := range later {
		hits = append(hits, h...)
	}
	if crossed {
		slices.SortStableFunc(hits, func(x, y hit) int { return int(x.end - y.end) })
	}
	return hits
}

// syncLane runs on from cut, where a lane ended in state row, until the
// lane's state spans no byte before cut: from there the next lane, which
// started at cut from the start state, is in the same state. On the way it
// appends the literals that start before cut and end after it.
func (a *automaton) syncLane(b []byte, cut int, row uint32, hits []hit, seen *litset) []hit {
	for p := cut; p < len(b) && int(a.levels[int(row)/a.nclass]) > p-cut; p++ {
		t := a.next[row+uint32(a.class[b[p]])]
		row = t &^ outFlag
		if t&outFlag == 0 {
			continue
		}
		for _, lit := range a.outs[int(row)/a.nclass] {
			if int(a.sizes[lit]) > p+1-cut {
				hits = a.emit1(hits, p+1, lit, seen)
			}
		}
	}
	return hits
}

// steps4 runs the four lanes over b's quarters (q bytes each) from byte i
// of each until a transition ends literals, and returns that byte's index
// and the four transitions; at the quarters' end it returns q and the four
// states. The loop makes no call, so its states stay in registers (scan's
// emit calls would spill them).
//
//go:noinline
func (a *automaton) steps4(b []byte, q, i int, r0, r1, r2, r3 uint32) (int, uint32, uint32, uint32, uint32) {
	next, class := a.next, &a.class
	x0, x1, x2, x3 := b[:q], b[q:2*q], b[2*q:3*q], b[3*q:4*q]
	for ; i < len(x0); i++ {
		t0 := next[r0+uint32(class[x0[i]])]
		t1 := next[r1+uint32(class[x1[i]])]
		t2 := next[r2+uint32(class[x2[i]])]
		t3 := next[r3+uint32(class[x3[i]])]
		if (t0|t1|t2|t3)&outFlag != 0 {
			return i, t0, t1, t2, t3
		}
		r0, r1, r2, r3 = t0, t1, t2, t3
	}
	return i, r0, r1, r2, r3
}
