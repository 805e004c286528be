package store

import (
	"encoding/binary"
	"math"
	"time"
)

// appendRecord appends one events row in RowBinary, columns in insertColumns
// order. LowCardinality(String) takes the String encoding in RowBinary, so the
// same bytes fit every server version's schema.
func appendRecord(b []byte, r *Record, ingestedAt uint32) []byte {
	e := &r.Event
	b = appendString(b, e.ID)
	b = appendDateTime(b, e.Time)
	b = binary.LittleEndian.AppendUint64(b, uint64(max(e.Time.UnixMilli(), 0)))
	b = appendStrings(b, e.Action, e.Outcome, e.Tenant, e.Actor.ID, e.Actor.Type)
	b = appendArray(b, e.Actor.Tenants)
	b = appendStrings(b, e.Token.ID, e.Token.Kind)
	b = appendArray(b, e.Token.Scopes)
	b = appendStrings(b, e.Token.Owner, e.Token.Tenant, e.Token.Workload)
	b = appendDateTime(b, e.Token.CreatedAt)
	b = appendStrings(b, e.Secret.ID, e.Secret.Name, e.Secret.Tenant, e.Secret.Workload,
		e.Resource.Type, e.Resource.ID, e.Resource.Visibility)
	s := &e.Source
	b = appendString(b, s.IP)
	b = binary.LittleEndian.AppendUint32(b, s.ASN)
	b = appendStrings(b, s.ASOrg, s.Country)
	b = binary.LittleEndian.AppendUint64(b, math.Float64bits(s.Lat))
	b = binary.LittleEndian.AppendUint64(b, math.Float64bits(s.Lon))
	b = append(b, BoolUInt8(s.HasGeo))
	b = appendString(b, s.UserAgent)
	b = append(b, BoolUInt8(s.Internal))
	b = appendStrings(b, e.Workload.ID, e.Workload.BuildID, e.Workload.Phase, e.SessionID, e.RequestID)
	keys, values := SortedAttrs(e.Attrs)
	b = appendArray(b, keys)
	b = appendArray(b, values)
	b = appendString(b, e.Format)
	b = appendArray(b, e.Redactions)
	b = appendArray(b, e.Warnings)
	b = appendBytes(b, e.Unmapped)
	b = appendBytes(b, e.Raw)
	b = appendString(b, r.Origin.Topic)
	b = binary.LittleEndian.AppendUint32(b, uint32(r.Origin.Partition))
	b = binary.LittleEndian.AppendUint64(b, uint64(r.Origin.Offset))
	return binary.LittleEndian.AppendUint32(b, ingestedAt)
}

func appendString(b []byte, s string) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

func appendBytes(b, s []byte) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

func appendStrings(b []byte, ss ...string) []byte {
	for _, s := range ss {
		b = appendString(b, s)
	}
	return b
}

func appendArray(b []byte, ss []string) []byte {
	b = binary.AppendUvarint(b, uint64(len(ss)))
	return appendStrings(b, ss...)
}

// appendDateTime writes a DateTime (seconds, UInt32), clamped to its range.
func appendDateTime(b []byte, t time.Time) []byte {
	return binary.LittleEndian.AppendUint32(b, uint32(min(max(t.Unix(), 0), math.MaxUint32)))
}
