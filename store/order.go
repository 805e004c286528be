package store

import (
	"cmp"
	"encoding/binary"
	"slices"
)

// tableOrder returns the indices of records in (nearly) the events table's
// key order: tenant, time to the second, then the first 8 bytes of the id.
// The server sorts every block by the key; one that arrives sorted is the
// cheap case of that sort, where Kafka order interleaves tenants and times
// across partitions. The server still orders what is left (ids sharing a
// prefix).
// Keys are numbers (a tenant's rank among the batch's tenants), so the sort
// touches no string and no record.
func tableOrder(records []Record) []int32 {
	rank := tenantRanks(records)
	keys := make([]sortKey, len(records))
	for i := range records {
		e := &records[i].Event
		keys[i] = sortKey{tenant: rank[e.Tenant], sec: e.Time.Unix(), id: prefix(e.ID), i: int32(i)}
	}
	slices.SortFunc(keys, func(a, b sortKey) int {
		return cmp.Or(cmp.Compare(a.tenant, b.tenant), cmp.Compare(a.sec, b.sec), cmp.Compare(a.id, b.id), cmp.Compare(a.i, b.i))
	})
	order := make([]int32, len(keys))
	for k := range keys {
		order[k] = keys[k].i
	}
	return order
}

// sortKey is one record's place in the table order.
type sortKey struct {
	sec    int64
	id     uint64
	tenant int32
	i      int32
}

// tenantRanks numbers the batch's tenants in string order.
func tenantRanks(records []Record) map[string]int32 {
	rank := map[string]int32{}
	for i := range records {
		rank[records[i].Event.Tenant] = 0
	}
	names := make([]string, 0, len(rank))
	for t := range rank {
		names = append(names, t)
	}
	slices.Sort(names)
	for i, t := range names {
		rank[t] = int32(i)
	}
	return rank
}

// prefix is the first 8 bytes of s as a big-endian number, zero-padded.
func prefix(s string) uint64 {
	var b [8]byte
	copy(b[:], s)
	return binary.BigEndian.Uint64(b[:])
}
