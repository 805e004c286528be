package event

import (
	"encoding/binary"
	"fmt"
	"math"
)

// wireReader reads wire fields; the first failure sticks, and later reads
// return zero values.
type wireReader struct {
	b   []byte
	err error
}

// maxWireList bounds a list's or map's count (a corrupt count must not
// allocate gigabytes): more than any event carries.
const maxWireList = 1 << 16

func (r *wireReader) fail(field, why string) {
	if r.err == nil {
		r.err = fmt.Errorf("%w: %s: %s", ErrWire, field, why)
		r.b = nil
	}
}

func (r *wireReader) uvarint(field string) uint64 {
	v, n := binary.Uvarint(r.b)
	if n <= 0 {
		r.fail(field, "bad length or number")
		return 0
	}
	r.b = r.b[n:]
	return v
}

func (r *wireReader) varint(field string) int64 {
	v, n := binary.Varint(r.b)
	if n <= 0 {
		r.fail(field, "bad number")
		return 0
	}
	r.b = r.b[n:]
	return v
}

func (r *wireReader) str(field string, dst *string) {
	n := r.uvarint(field)
	if n > uint64(len(r.b)) {
		r.fail(field, "runs past the end")
		return
	}
	if n > 0 {
		*dst = string(r.b[:n])
	}
	r.b = r.b[n:]
}

func (r *wireReader) list(field string) []string {
	n := r.uvarint(field)
	if n == 0 || r.err != nil {
		return nil
	}
	if n-1 > maxWireList || n-1 > uint64(len(r.b)) {
		r.fail(field, "count past the end")
		return nil
	}
	out := make([]string, n-1)
	for i := range out {
		r.str(field, &out[i])
	}
	return out
}

func (r *wireReader) attrs(field string) map[string]string {
	n := r.uvarint(field)
	if n == 0 || r.err != nil {
		return nil
	}
	if n > maxWireList || 2*n > uint64(len(r.b)) {
		r.fail(field, "count past the end")
		return nil
	}
	m := make(map[string]string, n)
	for range n {
		var k, v string
		r.str(field, &k)
		r.str(field, &v)
		m[k] = v
	}
	return m
}

func (r *wireReader) float(field string) float64 {
	if len(r.b) < 8 {
		r.fail(field, "runs past the end")
		return 0
	}
	f := math.Float64frombits(binary.LittleEndian.Uint64(r.b))
	r.b = r.b[8:]
	return f
}

func (r *wireReader) byte(field string) byte {
	if len(r.b) < 1 {
		r.fail(field, "runs past the end")
		return 0
	}
	c := r.b[0]
	r.b = r.b[1:]
	return c
}
