package ingest

import "github.com/credwatch/credwatch/store"

// recordPool keeps the record slices of stored batches for the batches
// after them. A batch of 100,000 records is 70 MB; fresh memory for each
// cost a page fault every few records (6% of ingest CPU in a make bench
// profile). The pool is bounded: a slice it has no room for is dropped.
type recordPool chan []store.Record

// recordsInFlight is how many batches can be alive at once: one decoding,
// one queued, one storing.
const recordsInFlight = 3

func newRecordPool() recordPool { return make(recordPool, recordsInFlight) }

// get returns a slice of n zero records.
func (p recordPool) get(n int) []store.Record {
	select {
	case r := <-p:
		if cap(r) >= n {
			return r[:n]
		}
	default:
	}
	return make([]store.Record, n)
}

// put takes back a stored batch's records, cleared so that they hold no
// event's strings while they wait.
func (p recordPool) put(r []store.Record) {
	if cap(r) == 0 {
		return
	}
	r = r[:cap(r)]
	clear(r)
	select {
	case p <- r:
	default:
	}
}
