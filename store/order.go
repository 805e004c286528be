package store

import (
	"encoding/binary"
	"slices"
)

// tableOrder returns the indices of records in (nearly) the events table's
// key order: tenant, time to the second, then the first 8 bytes of the id.
// The server sorts every block by the key; one that arrives sorted is the
// cheap case of that sort, where Kafka order interleaves tenants and times
// across partitions. The server still orders what is left (ids sharing a
// prefix). Equal keys keep arrival order.
// One pass over the records reads each one's tenant (numbered as it first
// comes, then ranked in string order), second and id prefix into two
// numbers; the stable radix sort of those touches no string and no record.
func tableOrder(records []Record) []int32 {
	if len(records) == 0 {
		return []int32{}
	}
	keys := make([]sortKey, len(records))
	first := records[0].Event.Time.Unix()
	seen := map[string]uint64{} // tenant → the order it first came in
	for i := range records {
		e := &records[i].Event
		t, ok := seen[e.Tenant]
		if !ok {
			t = uint64(len(seen))
			seen[e.Tenant] = t
		}
		sec := e.Time.Unix()
		first = min(first, sec)
		keys[i] = sortKey{hi: t, lo: prefix(e.ID), i: int32(i), sec: sec}
	}
	rank := tenantRanks(seen)
	for k := range keys {
		keys[k].hi = rank[keys[k].hi]<<secBits | uint64(keys[k].sec-first)&secMask
	}
	keys = radixSort(keys, make([]sortKey, len(keys)))
	order := make([]int32, len(keys))
	for k := range keys {
		order[k] = keys[k].i
	}
	return order
}

// secBits holds a second's offset from the batch's first: times of years
// 0001–9999 lie under 2^39 seconds apart. The tenant's rank takes the 24
// bits above. A batch with more tenants than that, or times further apart,
// is then only nearly in the table's order (the server sorts the rest).
const (
	secBits = 40
	secMask = 1<<secBits - 1
)

// sortKey is one record's place in the table order.
type sortKey struct {
	hi, lo uint64 // tenant rank and second; id prefix
	sec    int64  // the record's second, until hi holds it
	i      int32
}

// tenantRanks maps each tenant's arrival number (seen's values) to its
// rank in string order.
func tenantRanks(seen map[string]uint64) []uint64 {
	names := make([]string, 0, len(seen))
	for t := range seen {
		names = append(names, t)
	}
	slices.Sort(names)
	rank := make([]uint64, len(seen))
	for i, t := range names {
		rank[seen[t]] = uint64(min(i, 1<<(64-secBits)-1))
	}
	return rank
}

// prefix is the first 8 bytes of s as a big-endian number, zero-padded.
func prefix(s string) uint64 {
	var b [8]byte
	copy(b[:], s)
	return binary.BigEndian.Uint64(b[:])
}
