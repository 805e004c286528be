package store

import (
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/event"
)

func TestTableOrderIsTheTableKey(t *testing.T) {
	at := time.Date(2026, 11, 20, 8, 0, 0, 0, time.UTC)
	rec := func(tenant string, sec int, ms int, id string) Record {
		return Record{Event: event.Event{Tenant: tenant, ID: id, Time: at.Add(time.Duration(sec)*time.Second + time.Duration(ms)*time.Millisecond)}}
	}
	records := []Record{
		rec("b", 0, 0, "x"), rec("a", 5, 0, "y"), rec("a", 1, 900, "z"), rec("a", 1, 100, "b"), rec("b", 0, 0, "a"), rec("a", 5, 0, "y"),
	}
	var got []string
	for _, i := range tableOrder(records) {
		got = append(got, records[i].Event.Tenant+records[i].Event.ID)
	}
	// Within one second the id decides (the key holds seconds), and equal keys keep arrival order.
	require.Equal(t, []string{"ab", "az", "ay", "ay", "ba", "bx"}, got)
}

// BenchmarkTableOrder sorts a 100k-event batch in Kafka order (tenants and
// times interleaved), as the bench's ingest batches arrive.
func BenchmarkTableOrder(b *testing.B) {
	at := time.Date(2026, 11, 20, 8, 0, 0, 0, time.UTC)
	records := make([]Record, 100_000)
	for i := range records {
		records[i].Event = event.Event{Tenant: fmt.Sprintf("org-%d", i*7919%40), ID: fmt.Sprintf("evt-%08d", i*104729%100_000),
			Time: at.Add(time.Duration(i%4*25_000+i/4) * 10 * time.Millisecond)}
	}
	b.ReportAllocs()
	for b.Loop() {
		tableOrder(records)
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(records)), "ns/event")
}
