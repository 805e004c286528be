package ingest

import (
	"context"
	"errors"
	"time"

	"github.com/credwatch/credwatch/store"
)

// GroupStore is an EventStore that can carry several batches in one INSERT
// (store.Store over HTTP): each batch is encoded when it arrives, and the
// server squashes the INSERT's blocks into one part per partition.
type GroupStore interface {
	GroupsInserts() bool
	AppendEvents(ctx context.Context, g *store.EventBlocks, records []store.Record, ingestedAt time.Time) error
	InsertBlocks(ctx context.Context, g *store.EventBlocks) error
}

// insertGroup is the INSERT being assembled from consecutive batches.
type insertGroup struct {
	blocks   store.EventBlocks
	bytes    int // message bytes of its batches
	batches  int
	awaiting durable
}

// grouping reports whether batches share INSERTs.
func (s *Sink) grouping() bool {
	g, ok := s.Store.(GroupStore)
	return ok && s.InsertBytes > 0 && g.GroupsInserts()
}

// group adds b to the INSERT being assembled and sends it once the stream
// has caught up (b is not Backlog), the INSERT holds InsertBytes of
// messages or as many as still wait after b (b.After), or the sink has sent
// none yet (or none since a Flush): the server would idle while the first
// group fills. Near a backlog's end the INSERTs so halve in size, and the
// last one, which the server stores while ingest has nothing left to do,
// is a batch or two rather than InsertBytes.
// Under a backlog, full batches of a few MiB, cheap to decode and encode in
// cache, so reach the server as one large part each, instead of one small
// part (and later merges) per batch. Up to InsertsInFlight INSERTs run
// while the next is assembled; each settles (commits) after the one before.
func (s *Sink) group(ctx context.Context, b *Batch) error {
	g, gs := s.assemblingGroup(), s.Store.(GroupStore)
	if len(b.Records) > 0 {
		if err := s.retry(ctx, componentClickHouse, 0, func(ctx context.Context) error {
			return gs.AppendEvents(ctx, &g.blocks, b.Records, s.Clock.Now())
		}); err != nil {
			return errors.Join(err, s.settled())
		}
	}
	s.Metrics.observeDecoded(b)
	g.awaiting.add(s.durableOf(b))
	g.bytes, g.batches = g.bytes+b.Bytes, g.batches+1
	if b.Backlog && g.bytes < s.InsertBytes && int64(g.bytes) < b.After && len(s.flights) > 0 {
		return nil
	}
	return s.send(ctx)
}

// Flush makes every batch the sink holds durable and commits it.
func (s *Sink) Flush(ctx context.Context) error {
	if !s.grouping() {
		return nil
	}
	if err := s.send(ctx); err != nil {
		return err
	}
	return s.settled()
}
