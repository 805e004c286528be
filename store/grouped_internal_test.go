package store

import (
	"bytes"
	"testing"
)

// encodeGroup encodes recs onto g as a grouped Native INSERT does, in
// batches of the given sizes, and returns the INSERT's data joined.
func encodeGroup(g *EventBlocks, recs []Record, sizes []int, types []string) []byte {
	g.native = true
	for lo, i := 0, 0; lo < len(recs); i++ {
		hi := min(lo+sizes[i%len(sizes)], len(recs))
		g.appendNative(recs[lo:hi], 1, types)
		lo = hi
	}
	return bytes.Join(g.blocks, nil)
}

// TestReusedBlocksEncodeAlike: blocks reused after Reset, for batches of
// other sizes, encode what new blocks do (nothing of their last use left).
func TestReusedBlocksEncodeAlike(t *testing.T) {
	recs := benchRecords()[:3000]
	for i := range recs {
		recs[i].Event.ID = string(rune('a'+i%26)) + recs[i].Event.ID
		recs[i].Event.Attrs = map[string]string{"i": string(rune('0' + i%10))}
	}
	types := make([]string, len(insertColumns))
	var fresh, reused EventBlocks
	want := encodeGroup(&fresh, recs, []int{700, 50, 1200}, types)
	encodeGroup(&reused, recs, []int{1000, 3, 400}, types)
	reused.Reset()
	if got := encodeGroup(&reused, recs, []int{700, 50, 1200}, types); !bytes.Equal(got, want) {
		t.Fatalf("reused blocks encoded %d bytes unlike new ones (%d)", len(got), len(want))
	}
}

// BenchmarkGroupedNative fills one grouped INSERT of 64 batches from fresh
// memory, as the first INSERTs of a run do: each batch's Native block is
// sized from the one before and sent as its own buffers. "joined" is the
// encoding before: one shared block, copied into a new buffer per batch.
func BenchmarkGroupedNative(b *testing.B) {
	recs := benchRecords()
	types := make([]string, len(insertColumns))
	b.Run("pieces", func(b *testing.B) {
		for b.Loop() {
			var g EventBlocks
			g.native = true
			for range 64 {
				g.appendNative(recs, 1, types)
			}
		}
		b.ReportMetric(float64(b.N*64*len(recs))/b.Elapsed().Seconds(), "events/s")
	})
	b.Run("joined", func(b *testing.B) {
		var blk nativeBlock
		for b.Loop() {
			var bufs [][]byte
			for range 64 {
				blk.reset()
				blk.add(recs, tableOrder(recs), 1)
				bufs = append(bufs, blk.appendTo(make([]byte, 0, rowBinarySize(recs)), types))
			}
			if len(bufs) != 64 {
				b.Fatal(len(bufs))
			}
		}
		b.ReportMetric(float64(b.N*64*len(recs))/b.Elapsed().Seconds(), "events/s")
	})
}
