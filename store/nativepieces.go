package store

import (
	"encoding/binary"
	"slices"
)

// pieces returns the block as the Native format lays it out: its size, then
// each column's name, the server's type for it and its data. The pieces are
// the block's own buffers, not a copy (joining them cost 13 % of the ingest
// process's CPU in memmove); they stay valid until the block is reset.
func (b *nativeBlock) pieces(types []string) [][]byte {
	var cut [len(nativeColumns)]int // where each column's header ends in head
	head := binary.AppendUvarint(b.head[:0], uint64(len(b.data)))
	head = binary.AppendUvarint(head, uint64(b.rows))
	for i := range b.data {
		head = appendStrings(head, insertColumns[i], types[i])
		cut[i] = len(head)
	}
	b.head, b.out = head, b.out[:0]
	from := 0
	for i := range b.data {
		b.out = append(b.out, head[from:cut[i]], b.data[i])
		if len(b.items[i]) > 0 {
			b.out = append(b.out, b.items[i])
		}
		from = cut[i]
	}
	return b.out
}

// appendTo appends the block, joined.
func (b *nativeBlock) appendTo(out []byte, types []string) []byte {
	for _, p := range b.pieces(types) {
		out = append(out, p...)
	}
	return out
}

// piecesSize is the total length of pieces.
func piecesSize(pieces [][]byte) int {
	n := 0
	for _, p := range pieces {
		n += len(p)
	}
	return n
}

// columnSizes are the bytes per row of each column's data and items in the
// block encoded last.
type columnSizes [2][len(nativeColumns)]float64

// reserve makes room for rows rows at sizes (and a tenth more), so that a
// new block's columns are allocated once instead of grown by copying.
func (b *nativeBlock) reserve(rows int, sizes *columnSizes) {
	for i := range b.data {
		b.data[i] = slices.Grow(b.data[i], int(sizes[0][i]*float64(rows)*1.1))
		b.items[i] = slices.Grow(b.items[i], int(sizes[1][i]*float64(rows)*1.1))
	}
}

// measure records the block's bytes per row in sizes.
func (b *nativeBlock) measure(sizes *columnSizes) {
	if b.rows == 0 {
		return
	}
	for i := range b.data {
		sizes[0][i] = float64(len(b.data[i])) / float64(b.rows)
		sizes[1][i] = float64(len(b.items[i])) / float64(b.rows)
	}
}
