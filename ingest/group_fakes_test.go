package ingest

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"sync"
	"time"

	"github.com/segmentio/kafka-go"

	"github.com/credwatch/credwatch/event"
	"github.com/credwatch/credwatch/store"
)

// groupStore is a GroupStore that remembers the event ids each INSERT
// carried. InsertBlocks fails while failures last, and always for a group
// that holds the id poison; it waits for gate when it is set, and one that
// holds the id held also for hold.
type groupStore struct {
	mu         sync.Mutex
	j          *journal
	assembling map[*store.EventBlocks][]string
	inserts    [][]string
	failures   int
	poison     string
	gate       chan struct{}
	held       string
	hold       chan struct{}
}

func newGroupStore(j *journal) *groupStore {
	return &groupStore{j: j, assembling: map[*store.EventBlocks][]string{}}
}

func (s *groupStore) GroupsInserts() bool { return true }

func (s *groupStore) InsertEvents(context.Context, []store.Record, time.Time) error {
	return errors.New("a grouping sink must not insert batch by batch")
}

func (s *groupStore) AppendEvents(_ context.Context, g *store.EventBlocks, recs []store.Record, _ time.Time) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, r := range recs {
		s.assembling[g] = append(s.assembling[g], r.Event.ID)
	}
	return nil
}

func (s *groupStore) InsertBlocks(ctx context.Context, g *store.EventBlocks) error {
	s.mu.Lock()
	held := s.held != "" && slices.Contains(s.assembling[g], s.held)
	s.mu.Unlock()
	if s.gate != nil {
		<-s.gate
	}
	if held {
		<-s.hold
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if slices.Contains(s.assembling[g], s.poison) {
		return errors.New("code: 252, too many parts")
	}
	if s.failures > 0 {
		s.failures--
		s.j.add("insert failed")
		return errors.New("connection refused")
	}
	s.inserts = append(s.inserts, s.assembling[g])
	delete(s.assembling, g) // the sink empties g once it is settled
	s.j.add(fmt.Sprintf("insert %d", len(s.inserts[len(s.inserts)-1])))
	return nil
}

// lastsCommitter records each commit's last offset per partition.
type lastsCommitter struct {
	j     *journal
	lasts []map[int]int64
}

func (c *lastsCommitter) CommitMessages(_ context.Context, msgs ...kafka.Message) error {
	c.j.add("commit")
	last := map[int]int64{}
	for _, m := range msgs {
		last[m.Partition] = m.Offset
	}
	c.lasts = append(c.lasts, last)
	return nil
}

// waitAfter gives each of batches an After like the batcher's: the bytes of
// the batches after it, and for some runs more that waits in partitions
// whose messages come later.
func waitAfter(rng *rand.Rand, batches []*Batch) {
	after := int64(rng.IntN(2) * rng.IntN(50000))
	for i := len(batches) - 1; i >= 0; i-- {
		batches[i].After = after
		after += int64(batches[i].Bytes)
	}
}

// randomBatches are n batches over three partitions interleaved at random,
// of random sizes, message bytes and backlog flags, with the ids each holds;
// nothing waits after them (After: 1 << 40) unless waitAfter says.
func randomBatches(rng *rand.Rand, n int) ([]*Batch, [][]string) {
	next := map[int]int64{}
	var batches []*Batch
	var ids [][]string
	for b := range n {
		batch := &Batch{Backlog: rng.IntN(4) > 0, After: 1 << 40}
		var bids []string
		for i := range 1 + rng.IntN(40) {
			p := min(rng.IntN(5), 2)
			id := fmt.Sprintf("e-%d-%d", b, i)
			o := store.Origin{Topic: "t", Partition: int32(p), Offset: next[p]}
			batch.Records = append(batch.Records, store.Record{Event: event.Event{ID: id}, Origin: o})
			batch.Last = lastPerPartition(append(batch.Last, kafka.Message{Topic: "t", Partition: p, Offset: next[p]}))
			batch.Bytes += 100 + rng.IntN(800)
			next[p]++
			bids = append(bids, id)
		}
		batches, ids = append(batches, batch), append(ids, bids)
	}
	return batches, ids
}
