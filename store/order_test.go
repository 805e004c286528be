package store

import (
	"cmp"
	"fmt"
	"maps"
	"math/rand"
	"slices"
	"strconv"
	"strings"
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

// BenchmarkTableOrder sorts a 12k-event batch (8 MiB of the generator's
// messages) in Kafka order (tenants and times interleaved), as ingest's
// batches arrive, by the radix sort and, as the baseline, by the comparison
// sort it replaced.
func BenchmarkTableOrder(b *testing.B) {
	at := time.Date(2026, 11, 20, 8, 0, 0, 0, time.UTC)
	records := make([]Record, 12_000)
	for i := range records {
		records[i].Event = event.Event{Tenant: fmt.Sprintf("org-%d", i*7919%200), ID: fmt.Sprintf("evt-%08d", i*104729%100_000),
			Time: at.Add(time.Duration(i%4*3_000+i/4) * 10 * time.Millisecond)}
	}
	for name, order := range map[string]func([]Record) []int32{"radix": tableOrder, "comparisons": rankComparisonOrder} {
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				order(records)
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(records)), "ns/event")
		})
	}
}

// TestRadixOrderIsTheComparisonOrder: on batches of every shape (one tenant
// or hundreds, one second or centuries, ids sharing prefixes, short and
// empty ids, duplicates), tableOrder is the stable sort by the key.
func TestRadixOrderIsTheComparisonOrder(t *testing.T) {
	spans := []time.Duration{0, time.Second, time.Hour, 200 * 365 * 24 * time.Hour}
	for seed := range int64(24) {
		rng := rand.New(rand.NewSource(seed))
		tenants, span := 1+rng.Intn([]int{1, 5, 400}[seed%3]), spans[seed%4]
		at := time.Date(1+rng.Intn(9000), 1, 1, 0, 0, 0, 0, time.UTC)
		records := make([]Record, rng.Intn(3000))
		for i := range records {
			ids := []string{"", "e", "evt-" + strconv.Itoa(rng.Intn(50)), "evt-000000" + strconv.Itoa(rng.Intn(1000)), strconv.FormatUint(rng.Uint64(), 36)}
			records[i].Event = event.Event{Tenant: "org-" + strconv.Itoa(rng.Intn(tenants)), ID: ids[rng.Intn(len(ids))],
				Time: at.Add(time.Duration(rng.Int63n(int64(span) + 1)))}
		}
		require.Equal(t, comparisonOrder(records), tableOrder(records), "seed %d: %d records, %d tenants, span %s", seed, len(records), tenants, span)
	}
	require.Equal(t, []int32{}, tableOrder(nil))
	far := []Record{{Event: event.Event{Time: time.Date(9999, 12, 31, 23, 59, 59, 0, time.UTC)}}, {Event: event.Event{Time: time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC)}}}
	require.Equal(t, []int32{1, 0}, tableOrder(far))
}

// comparisonOrder is the table order by a stable comparison sort: the
// reference tableOrder is held to, and its benchmark's baseline.
func comparisonOrder(records []Record) []int32 {
	order := make([]int32, len(records))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortStableFunc(order, func(a, b int32) int {
		x, y := &records[a].Event, &records[b].Event
		return cmp.Or(strings.Compare(x.Tenant, y.Tenant), cmp.Compare(x.Time.Unix(), y.Time.Unix()), cmp.Compare(prefix(x.ID), prefix(y.ID)))
	})
	return order
}

// rankComparisonOrder is the table order as it was before the radix sort:
// the same keys, sorted by comparisons.
func rankComparisonOrder(records []Record) []int32 {
	type key struct {
		sec       int64
		id        uint64
		tenant, i int32
	}
	names := map[string]int32{}
	for i := range records {
		names[records[i].Event.Tenant] = 0
	}
	sorted := slices.Sorted(maps.Keys(names))
	rank := map[string]int32{}
	for i, t := range sorted {
		rank[t] = int32(i)
	}
	keys := make([]key, len(records))
	for i := range records {
		e := &records[i].Event
		keys[i] = key{tenant: rank[e.Tenant], sec: e.Time.Unix(), id: prefix(e.ID), i: int32(i)}
	}
	slices.SortFunc(keys, func(a, b key) int {
		return cmp.Or(cmp.Compare(a.tenant, b.tenant), cmp.Compare(a.sec, b.sec), cmp.Compare(a.id, b.id), cmp.Compare(a.i, b.i))
	})
	order := make([]int32, len(keys))
	for k := range keys {
		order[k] = keys[k].i
	}
	return order
}
