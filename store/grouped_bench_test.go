package store

import "testing"

// BenchmarkGroupedNative fills one grouped INSERT of 64 batches from fresh
// memory, as the first INSERTs of a run do: each batch's Native block is
// sized from the one before and sent as its own buffers. "joined" is the
// encoding before: one shared block, copied into a new buffer per batch.
func BenchmarkGroupedNative(b *testing.B) {
	recs := benchRecords()
	types := make([]string, len(insertColumns))
	order := make([]int32, len(recs))
	for i := range order {
		order[i] = int32(i)
	}
	b.Run("pieces", func(b *testing.B) {
		for b.Loop() {
			var g EventBlocks
			g.native = true
			for range 64 {
				nb := g.nativeBlock()
				nb.reserve(len(recs), &g.sizes)
				nb.add(recs, order, 1)
				nb.measure(&g.sizes)
				g.blocks = append(g.blocks, nb.pieces(types)...)
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
				blk.add(recs, order, 1)
				bufs = append(bufs, blk.appendTo(make([]byte, 0, rowBinarySize(recs)), types))
			}
		}
		b.ReportMetric(float64(b.N*64*len(recs))/b.Elapsed().Seconds(), "events/s")
	})
}
