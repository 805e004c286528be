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
// Keys are two numbers (a tenant's rank among the batch's tenants with the
// second, and the id's prefix), sorted by a stable radix sort that touches
// no string and no record.
func tableOrder(records []Record) []int32 {
	keys := make([]sortKey, len(records))
	if len(records) == 0 {
		return []int32{}
	}
	rank, first := tenantRanks(records)
	for i := range records {
		e := &records[i].Event
		keys[i] = sortKey{hi: uint64(rank[e.Tenant])<<secBits | uint64(e.Time.Unix()-first)&secMask, lo: prefix(e.ID), i: int32(i)}
	}
	keys = radixSort(keys, make([]sortKey, len(keys)))
	order := make([]int32, len(keys))
	for k := range keys {
		order[k] = keys[k].i
	}
	return order
}

// secBits holds a second's offset from the batch's first: validated event
// times lie within years 0–9999, under 2^39 seconds apart. The tenant's
// rank takes the 24 bits above; more tenants than that in one batch share
// the top rank's bits (the order is then only nearly the table's).
const (
	secBits = 40
	secMask = 1<<secBits - 1
)

// sortKey is one record's place in the table order.
type sortKey struct {
	hi, lo uint64 // tenant rank and second; id prefix
	i      int32
}

// tenantRanks numbers the batch's tenants in string order; first is the
// earliest second of a record.
func tenantRanks(records []Record) (rank map[string]int32, first int64) {
	rank, first = map[string]int32{}, records[0].Event.Time.Unix()
	for i := range records {
		rank[records[i].Event.Tenant] = 0
		first = min(first, records[i].Event.Time.Unix())
	}
	names := make([]string, 0, len(rank))
	for t := range rank {
		names = append(names, t)
	}
	slices.Sort(names)
	for i, t := range names {
		rank[t] = int32(min(i, 1<<(64-secBits)-1))
	}
	return rank, first
}

// prefix is the first 8 bytes of s as a big-endian number, zero-padded.
func prefix(s string) uint64 {
	var b [8]byte
	copy(b[:], s)
	return binary.BigEndian.Uint64(b[:])
}
