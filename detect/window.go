package detect

import (
	"hash/maphash"
	"math"
	"slices"
	"time"

	"github.com/credwatch/credwatch/event"
)

// distinctWindow counts a credential's events and distinct resources over a
// sliding event-time window, and keeps the peak distinct count of each past
// window-sized bucket as the history a robust baseline is computed from.
type distinctWindow struct {
	hits       []windowHit // arrival order; expired from the front
	distinct   map[uint64]int
	denied     int32
	peak       int32    // highest distinct count seen in the current bucket
	bucket     int32    // current bucket index (event time / window: minutes-long windows fit)
	statsStale bool     // history changed since stats
	history    []uint16 // peaks of past active buckets (capped), newest last, at most historyBuckets

	stats RobustStats // of history, cached
}

type windowHit struct {
	at     int64 // Unix nanoseconds
	key    uint64
	denied bool
}

const historyBuckets = 64

// resourceKey is what "distinct" counts: the resource, else the secret,
// hashed with seed. Baselines computes it once per event for every window.
func resourceKey(seed maphash.Seed, ev *event.Event) uint64 {
	var h maphash.Hash
	h.SetSeed(seed)
	if ev.Resource.ID != "" {
		h.WriteString(ev.Resource.Type)
		h.WriteByte(0)
		h.WriteString(ev.Resource.ID)
	} else {
		h.WriteString("secret\x00")
		h.WriteString(ev.Secret.ID)
	}
	return h.Sum64()
}

// add counts ev (whose resourceKey is key) unless it is older than the
// window (then it is late for the window; the engine counts it).
func (w *distinctWindow) add(ev *event.Event, key uint64, size time.Duration) {
	newest := ev.Time
	if n := len(w.hits); n > 0 {
		newest = maxTime(time.Unix(0, w.hits[n-1].at), ev.Time)
	}
	if newest.Sub(ev.Time) > size {
		return
	}
	if b := int32(ev.Time.UnixNano() / int64(size)); b > w.bucket {
		if w.peak > 0 {
			w.history = append(w.history, uint16(min(w.peak, math.MaxUint16)))
			w.statsStale = true
			if len(w.history) > historyBuckets {
				w.history = w.history[1:]
			}
		}
		w.bucket, w.peak = b, 0
	}
	w.expire(newest.Add(-size))
	if w.distinct == nil {
		w.distinct = map[uint64]int{}
	}
	h := windowHit{at: ev.Time.UnixNano(), key: key, denied: ev.Outcome != "success"}
	w.hits = append(w.hits, h)
	w.distinct[h.key]++
	if h.denied {
		w.denied++
	}
	w.peak = max(w.peak, int32(len(w.distinct)))
}

func (w *distinctWindow) expire(before time.Time) {
	i := 0
	for ; i < len(w.hits) && w.hits[i].at < before.UnixNano(); i++ {
		h := w.hits[i]
		if w.distinct[h.key]--; w.distinct[h.key] == 0 {
			delete(w.distinct, h.key)
		}
		if h.denied {
			w.denied--
		}
	}
	w.hits = w.hits[i:]
	if len(w.hits) == 0 { // idle: give the memory back
		w.hits, w.distinct = nil, nil
	}
}

// facts are the window as it would be with ev in it.
func (w *distinctWindow) facts(ev *event.Event, key uint64, size time.Duration) *WindowFacts {
	if n := len(w.hits); n == 0 || ev.Time.UnixNano() >= w.hits[n-1].at {
		w.expire(ev.Time.Add(-size))
	}
	if w.statsStale {
		w.stats, w.statsStale = robust(w.history), false
	}
	f := &WindowFacts{Minutes: int(size.Minutes()), Events: len(w.hits) + 1, Denied: int(w.denied),
		Distinct: len(w.distinct), Baseline: w.stats}
	if ev.Outcome != "success" {
		f.Denied++
	}
	if w.distinct[key] == 0 {
		f.Distinct++
	}
	return f
}

// RobustStats summarise a history of counts without letting outliers move
// them: the median, the median absolute deviation and the 99th percentile.
type RobustStats struct {
	Buckets int     `json:"buckets"`
	Median  float64 `json:"median"`
	MAD     float64 `json:"mad"`
	P99     float64 `json:"p99"`
}

func robust(xs []uint16) RobustStats {
	if len(xs) == 0 {
		return RobustStats{}
	}
	s := make([]float64, len(xs))
	for i, x := range xs {
		s[i] = float64(x)
	}
	slices.Sort(s)
	med := quantile(s, 0.5)
	dev := make([]float64, len(s))
	for i, x := range s {
		dev[i] = math.Abs(x - med)
	}
	slices.Sort(dev)
	return RobustStats{Buckets: len(s), Median: med, MAD: quantile(dev, 0.5), P99: quantile(s, 0.99)}
}

// quantile of sorted s, by linear interpolation.
func quantile(s []float64, q float64) float64 {
	pos := q * float64(len(s)-1)
	lo := int(pos)
	if lo+1 >= len(s) {
		return s[len(s)-1]
	}
	return s[lo] + (s[lo+1]-s[lo])*(pos-float64(lo))
}
