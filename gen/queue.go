package gen

import (
	"time"

	"github.com/credwatch/credwatch/event"
)

// queue holds events until their time: scenario events and follow-ups. The
// events sit in a slab whose free slots are reused; a binary min-heap of small
// keys orders them by time, then by insertion, so nothing allocates once the
// queue has grown and sifting moves 24 bytes, not whole events.
type queue struct {
	slab []event.Event
	free []int32
	heap []key
	seq  uint64
}

// key orders one queued event.
type key struct {
	at   int64 // Unix nanoseconds
	seq  uint64
	slot int32
}

// less orders keys by time, then by insertion.
func (a key) less(b key) bool { return a.at < b.at || (a.at == b.at && a.seq < b.seq) }

// push adds ev.
func (q *queue) push(ev event.Event) {
	var slot int32
	if n := len(q.free); n > 0 {
		slot, q.free = q.free[n-1], q.free[:n-1]
		q.slab[slot] = ev
	} else {
		slot = int32(len(q.slab))
		q.slab = append(q.slab, ev)
	}
	q.seq++
	q.heap = append(q.heap, key{at: ev.Time.UnixNano(), seq: q.seq, slot: slot})
	for i := len(q.heap) - 1; i > 0; {
		parent := (i - 1) / 2
		if !q.heap[i].less(q.heap[parent]) {
			break
		}
		q.heap[i], q.heap[parent] = q.heap[parent], q.heap[i]
		i = parent
	}
}

// due reports whether the earliest event is due at or before t.
func (q *queue) due(t time.Time) bool {
	return len(q.heap) > 0 && q.heap[0].at <= t.UnixNano()
}

// pop moves the earliest event into ev.
func (q *queue) pop(ev *event.Event) {
	slot := q.heap[0].slot
	*ev = q.slab[slot]
	q.slab[slot] = event.Event{} // drop references
	q.free = append(q.free, slot)
	n := len(q.heap) - 1
	q.heap[0] = q.heap[n]
	q.heap = q.heap[:n]
	for i := 0; ; {
		least, l, r := i, 2*i+1, 2*i+2
		if l < n && q.heap[l].less(q.heap[least]) {
			least = l
		}
		if r < n && q.heap[r].less(q.heap[least]) {
			least = r
		}
		if least == i {
			return
		}
		q.heap[i], q.heap[least] = q.heap[least], q.heap[i]
		i = least
	}
}
