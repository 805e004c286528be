package store

import (
	"sort"
	"time"

	"github.com/credwatch/credwatch/event"
)

// Origin is where a record came from in Kafka.
type Origin struct {
	Topic     string
	Partition int32
	Offset    int64
	Time      time.Time // the message's Kafka timestamp (not stored)
}

// Record is one event to store with its Kafka origin.
type Record struct {
	Event  event.Event
	Origin Origin
}

// SortedAttrs returns attribute keys and values in key order (the storage
// form of attrs: parallel arrays).
func SortedAttrs(m map[string]string) (keys, values []string) {
	if len(m) == 0 {
		return []string{}, []string{}
	}
	keys = make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	values = make([]string, len(keys))
	for i, k := range keys {
		values[i] = m[k]
	}
	return keys, values
}

// dateTime clamps a time to what DateTime holds (1970..2105); zero becomes 0.
func dateTime(t time.Time) time.Time {
	if t.Before(time.Unix(0, 0)) {
		return time.Unix(0, 0).UTC()
	}
	return t
}

// NonNil turns a nil slice into an empty one, as Array columns need.
func NonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// BoolUInt8 is a boolean as ClickHouse stores it (UInt8 0 or 1).
func BoolUInt8(b bool) uint8 {
	if b {
		return 1
	}
	return 0
}
