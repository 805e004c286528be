package detect

import (
	"encoding/binary"
	"hash/maphash"
	"time"

	"github.com/credwatch/credwatch/event"
)

// seenIDs are the ids of the events judged lately (by hash, with the
// minute of their event time). At-least-once delivery hands an event over
// again — a producer's retry, a consumer's replay after a rebalance, a warm
// start whose history overlaps the stream — and an event counted twice
// would double its window's events and denials (enumeration's probing) and
// its uses. An event whose id was judged within the window and lateness is
// skipped; one older than that can no longer inflate a window.
type seenIDs struct {
	ids   map[uint64]int32
	swept time.Time // event time of the last forget
}

// replayed reports whether ev was judged lately, and remembers it. An
// event is known by its tenant, time and id, the key that collapses its
// copies in the store: a producer that reuses an id for another event at
// another time has it judged. An event without an id is never a replay.
func (b *Baselines) replayed(ev *event.Event) bool {
	if ev.ID == "" {
		return false
	}
	s := &b.seen
	if s.ids == nil {
		s.ids = map[uint64]int32{}
	}
	var h maphash.Hash
	h.SetSeed(b.seed)
	h.WriteString(ev.Tenant)
	h.WriteByte(0)
	h.WriteString(ev.ID)
	var at [8]byte
	binary.LittleEndian.PutUint64(at[:], uint64(ev.Time.UnixNano()))
	_, _ = h.Write(at[:])
	k := h.Sum64()
	if _, ok := s.ids[k]; ok {
		return true
	}
	s.ids[k] = minuteOf(ev.Time)
	newest := maxTime(b.newest, ev.Time) // the baselines' watermark, this event not yet observed
	keep := b.cfg.Window + b.cfg.Lateness
	switch {
	case newest.Sub(s.swept) >= keep:
		s.forget(newest, keep)
	case len(s.ids) >= maxSeenIDs: // a burst: keep the newest half of the horizon
		s.forget(newest, keep/2)
	}
	return false
}

// maxSeenIDs bounds the ids kept (about 40 MB): at 1,500 events/s or more
// per engine the horizon shrinks to keep within it.
const maxSeenIDs = 1 << 20

// forget drops the ids of events older than keep before newest; if that
// frees too little, all of them.
func (s *seenIDs) forget(newest time.Time, keep time.Duration) {
	old := minuteOf(newest.Add(-keep))
	for id, m := range s.ids {
		if m < old {
			delete(s.ids, id)
		}
	}
	if len(s.ids) >= maxSeenIDs*3/4 {
		clear(s.ids)
	}
	s.swept = newest
}
