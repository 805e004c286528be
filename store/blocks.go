package store

import (
	"context"
	"errors"
	"io"
	"time"
)

// EventBlocks is one events INSERT assembled a batch at a time: each batch
// is encoded when it is added (in table order, as a Native block or as
// RowBinary rows), so that its records can be reused at once, and the
// blocks go to the server together. The server squashes an INSERT's blocks
// into one part per partition (up to min_insert_block_size_rows), so many
// small batches cost it what one large batch does, and a retry sends the
// same bytes again. Not safe for concurrent use.
type EventBlocks struct {
	blocks  [][]byte       // the data, in order: RowBinary buffers, or Native blocks' pieces
	free    [][]byte       // the RowBinary buffers of a sent INSERT, to reuse
	natives []*nativeBlock // the Native blocks whose pieces blocks holds
	spare   []*nativeBlock // those of a sent INSERT, to reuse
	rows    int
	size    int
	native  bool        // the encoding of the blocks so far
	sizes   columnSizes // of the Native block encoded last, to size the next
}

// ErrNoBlocks: the store inserts over the native protocol, whose batches
// cannot carry more than one block's worth of encoded data.
var ErrNoBlocks = errors.New("events blocks need the HTTP interface")

// Rows is the number of events added.
func (g *EventBlocks) Rows() int { return g.rows }

// Bytes is the size of the encoded data.
func (g *EventBlocks) Bytes() int { return g.size }

// Reset empties g, keeping its buffers for the next INSERT.
func (g *EventBlocks) Reset() {
	if g.native {
		g.spare = append(g.spare, g.natives...)
		clear(g.natives)
		g.natives = g.natives[:0]
	} else {
		for _, b := range g.blocks {
			g.free = append(g.free, b[:0])
		}
	}
	clear(g.blocks)
	g.blocks, g.rows, g.size = g.blocks[:0], 0, 0
}

// GroupsInserts reports whether AppendEvents and InsertBlocks are available.
func (s *Store) GroupsInserts() bool { return s.http != nil }

// AppendEvents encodes records onto g, stamped ingestedAt; records may be
// reused once it returns.
func (s *Store) AppendEvents(ctx context.Context, g *EventBlocks, records []Record, ingestedAt time.Time) error {
	if s.http == nil {
		return ErrNoBlocks
	}
	s.insertMu.Lock()
	defer s.insertMu.Unlock()
	if err := s.learnNativeTypes(ctx); err != nil {
		return err
	}
	if len(g.blocks) == 0 {
		g.native = s.native != nil
	}
	at := uint32(ingestedAt.Unix())
	if g.native {
		g.appendNative(records, at, s.native)
		return nil
	}
	b := appendEvents(g.buffer(rowBinarySize(records)), nil, records, at, nil)
	g.blocks = append(g.blocks, b)
	g.rows, g.size = g.rows+len(records), g.size+len(b)
	return nil
}

// InsertBlocks sends g's blocks as one INSERT. g is unchanged, so a failed
// INSERT can be sent again. It may run while AppendEvents fills another
// EventBlocks.
func (s *Store) InsertBlocks(ctx context.Context, g *EventBlocks) error {
	if g.rows == 0 {
		return nil
	}
	if s.http == nil {
		return ErrNoBlocks
	}
	// no lock: it shares nothing with the encoding of the next
	return s.http.postEvents(ctx, g.native, func() io.Reader { return piecesReader(g.blocks) }, g.size, g.rows)
}
