package store

import (
	"bytes"
	"io"
)

// buffer returns a free buffer of at least need bytes.
func (g *EventBlocks) buffer(need int) []byte {
	for i, b := range g.free {
		if cap(b) >= need {
			g.free[i] = g.free[len(g.free)-1]
			g.free = g.free[:len(g.free)-1]
			return b
		}
	}
	return make([]byte, 0, need+need/4)
}

// piecesReader reads pieces one after the other, without joining them.
func piecesReader(pieces [][]byte) io.Reader {
	readers := make([]io.Reader, len(pieces))
	for i, b := range pieces {
		readers[i] = bytes.NewReader(b)
	}
	return io.MultiReader(readers...)
}

// nativeBlock returns an empty Native block that g holds until Reset.
func (g *EventBlocks) nativeBlock() *nativeBlock {
	var nb *nativeBlock
	if n := len(g.spare); n > 0 {
		nb, g.spare = g.spare[n-1], g.spare[:n-1]
	} else {
		nb = new(nativeBlock)
	}
	nb.reset()
	g.natives = append(g.natives, nb)
	return nb
}

// appendNative encodes records as one more Native block of g, sized from
// the block before; the block's own buffers go out, without a copy.
func (g *EventBlocks) appendNative(records []Record, at uint32, types []string) {
	nb := g.nativeBlock()
	nb.reserve(len(records), &g.sizes)
	nb.add(records, tableOrder(records), at)
	nb.measure(&g.sizes)
	pieces := nb.pieces(types)
	g.blocks = append(g.blocks, pieces...)
	g.rows, g.size = g.rows+len(records), g.size+piecesSize(pieces)
}
