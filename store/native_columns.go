package store

import "math"

// nativeColumn says how the Native encoder takes one insert column's
// values from a record: one of str, bytes, strs or num is set, or attrs.
type nativeColumn struct {
	kind  columnKind
	str   func(*Record) string
	bytes func(*Record) []byte
	strs  func(*Record) []string
	num   func(r *Record, ingestedAt uint32) uint64
	attrs int // 1: the attribute keys in order, 2: their values
}

func strCol(f func(*Record) string) nativeColumn { return nativeColumn{kind: kindString, str: f} }

func strsCol(f func(*Record) []string) nativeColumn { return nativeColumn{kind: kindStrings, strs: f} }

func numCol(k columnKind, f func(*Record, uint32) uint64) nativeColumn {
	return nativeColumn{kind: k, num: f}
}

// nativeColumns follows insertColumns; RowBinary's appendRecord writes the
// same values row by row.
var nativeColumns = [...]nativeColumn{
	strCol(func(r *Record) string { return r.Event.ID }),
	numCol(kindDateTime, func(r *Record, _ uint32) uint64 { return dateTimeSecs(r.Event.Time.Unix()) }),
	numCol(kindUInt64, func(r *Record, _ uint32) uint64 { return uint64(max(r.Event.Time.UnixMilli(), 0)) }),
	strCol(func(r *Record) string { return r.Event.Action }),
	strCol(func(r *Record) string { return r.Event.Outcome }),
	strCol(func(r *Record) string { return r.Event.Tenant }),
	strCol(func(r *Record) string { return r.Event.Actor.ID }),
	strCol(func(r *Record) string { return r.Event.Actor.Type }),
	strsCol(func(r *Record) []string { return r.Event.Actor.Tenants }),
	strCol(func(r *Record) string { return r.Event.Token.ID }),
	strCol(func(r *Record) string { return r.Event.Token.Kind }),
	strsCol(func(r *Record) []string { return r.Event.Token.Scopes }),
	strCol(func(r *Record) string { return r.Event.Token.Owner }),
	strCol(func(r *Record) string { return r.Event.Token.Tenant }),
	strCol(func(r *Record) string { return r.Event.Token.Workload }),
	numCol(kindDateTime, func(r *Record, _ uint32) uint64 { return dateTimeSecs(r.Event.Token.CreatedAt.Unix()) }),
	strCol(func(r *Record) string { return r.Event.Secret.ID }),
	strCol(func(r *Record) string { return r.Event.Secret.Name }),
	strCol(func(r *Record) string { return r.Event.Secret.Tenant }),
	strCol(func(r *Record) string { return r.Event.Secret.Workload }),
	strCol(func(r *Record) string { return r.Event.Resource.Type }),
	strCol(func(r *Record) string { return r.Event.Resource.ID }),
	strCol(func(r *Record) string { return r.Event.Resource.Visibility }),
	strCol(func(r *Record) string { return r.Event.Source.IP }),
	numCol(kindUInt32, func(r *Record, _ uint32) uint64 { return uint64(r.Event.Source.ASN) }),
	strCol(func(r *Record) string { return r.Event.Source.ASOrg }),
	strCol(func(r *Record) string { return r.Event.Source.Country }),
	numCol(kindFloat64, func(r *Record, _ uint32) uint64 { return math.Float64bits(r.Event.Source.Lat) }),
	numCol(kindFloat64, func(r *Record, _ uint32) uint64 { return math.Float64bits(r.Event.Source.Lon) }),
	numCol(kindUInt8, func(r *Record, _ uint32) uint64 { return uint64(BoolUInt8(r.Event.Source.HasGeo)) }),
	strCol(func(r *Record) string { return r.Event.Source.UserAgent }),
	numCol(kindUInt8, func(r *Record, _ uint32) uint64 { return uint64(BoolUInt8(r.Event.Source.Internal)) }),
	strCol(func(r *Record) string { return r.Event.Workload.ID }),
	strCol(func(r *Record) string { return r.Event.Workload.BuildID }),
	strCol(func(r *Record) string { return r.Event.Workload.Phase }),
	strCol(func(r *Record) string { return r.Event.SessionID }),
	strCol(func(r *Record) string { return r.Event.RequestID }),
	{kind: kindStrings, attrs: 1},
	{kind: kindStrings, attrs: 2},
	strCol(func(r *Record) string { return r.Event.Format }),
	strsCol(func(r *Record) []string { return r.Event.Redactions }),
	strsCol(func(r *Record) []string { return r.Event.Warnings }),
	{kind: kindString, bytes: func(r *Record) []byte { return r.Event.Unmapped }},
	{kind: kindString, bytes: func(r *Record) []byte { return r.Event.Raw }},
	strCol(func(r *Record) string { return r.Origin.Topic }),
	numCol(kindInt32, func(r *Record, _ uint32) uint64 { return uint64(uint32(r.Origin.Partition)) }),
	numCol(kindInt64, func(r *Record, _ uint32) uint64 { return uint64(r.Origin.Offset) }),
	numCol(kindDateTime, func(_ *Record, at uint32) uint64 { return uint64(at) }),
}
