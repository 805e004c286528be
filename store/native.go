package store

import (
	"encoding/binary"
	"math"
)

// nativeChunk is how many rows are encoded column after column at a time:
// few enough that their records stay in cache across the columns.
const nativeChunk = 128

// nativeBlock builds an events insert in ClickHouse's Native format: one
// block, column after column. The server reads a Native column in one bulk
// pass where RowBinary costs a call per value; on 300k generated rows that
// took the server's insert from 8.4 to 6.6 CPU-µs per row.
type nativeBlock struct {
	data   [len(nativeColumns)][]byte // each column's data; an array's offsets
	items  [len(nativeColumns)][]byte // an array column's elements
	count  [len(nativeColumns)]uint64 // an array column's elements so far
	rows   int
	attrs  [2][nativeChunk][]string // the chunk's attribute keys and values, sorted by key
	chunk  []int32                  // the rows being encoded (indexes into records)
	record []Record
	head   []byte   // the block's and its columns' headers (see pieces)
	out    [][]byte // pieces' result
}

// reset empties the block, keeping its buffers.
func (b *nativeBlock) reset() {
	for i := range b.data {
		b.data[i], b.items[i], b.count[i] = b.data[i][:0], b.items[i][:0], 0
	}
	b.rows = 0
}

// add appends records in the given order, a chunk of rows at a time.
func (b *nativeBlock) add(records []Record, order []int32, ingestedAt uint32) {
	b.record = records
	for lo := 0; lo < len(order); lo += nativeChunk {
		b.chunk = order[lo:min(lo+nativeChunk, len(order))]
		for j, i := range b.chunk {
			b.attrs[0][j], b.attrs[1][j] = SortedAttrs(records[i].Event.Attrs)
		}
		for c := range nativeColumns {
			b.column(c, ingestedAt)
		}
		b.rows += len(b.chunk)
	}
	b.record, b.chunk = nil, nil
}

// column appends the chunk's values of column c.
func (b *nativeBlock) column(c int, ingestedAt uint32) {
	col, d := &nativeColumns[c], b.data[c]
	switch {
	case col.str != nil:
		for _, i := range b.chunk {
			d = appendString(d, col.str(&b.record[i]))
		}
	case col.bytes != nil:
		for _, i := range b.chunk {
			d = appendBytes(d, col.bytes(&b.record[i]))
		}
	case col.kind == kindStrings:
		items, n := b.items[c], b.count[c]
		for j, i := range b.chunk {
			var ss []string
			if col.attrs == 0 {
				ss = col.strs(&b.record[i])
			} else {
				ss = b.attrs[col.attrs-1][j]
			}
			items, n = appendStrings(items, ss...), n+uint64(len(ss))
			d = binary.LittleEndian.AppendUint64(d, n)
		}
		b.items[c], b.count[c] = items, n
	default:
		d = b.numbers(d, col, ingestedAt)
	}
	b.data[c] = d
}

// numbers appends the chunk's values of a numeric or DateTime column.
func (b *nativeBlock) numbers(d []byte, col *nativeColumn, ingestedAt uint32) []byte {
	for _, i := range b.chunk {
		v := col.num(&b.record[i], ingestedAt)
		switch col.kind {
		case kindUInt8:
			d = append(d, uint8(v))
		case kindUInt32, kindInt32, kindDateTime:
			d = binary.LittleEndian.AppendUint32(d, uint32(v))
		default:
			d = binary.LittleEndian.AppendUint64(d, v)
		}
	}
	return d
}

// dateTimeSecs is a DateTime's seconds, clamped to its range.
func dateTimeSecs(unix int64) uint64 { return uint64(min(max(unix, 0), math.MaxUint32)) }
