package store

import (
	"strings"
	"testing"
	"time"

	"github.com/credwatch/credwatch/event"
)

// benchRecords is a 10,000-row batch of narrow events with a 700-byte raw.
func benchRecords() []Record {
	raw := make([]byte, 700)
	recs := make([]Record, 10000)
	for i := range recs {
		recs[i] = Record{Event: event.Event{ID: "evt", Time: time.Unix(1.8e9, 0), Action: "token.use", Tenant: "acme",
			Actor: event.Actor{ID: "alice", Tenants: []string{"acme"}}, Token: event.Token{ID: "tok", Scopes: []string{"read"}},
			Attrs: map[string]string{"k": "v"}, Raw: raw}}
	}
	return recs
}

// BenchmarkAppendRecord encodes 10,000-row batches into a reused buffer.
func BenchmarkAppendRecord(b *testing.B) {
	recs := benchRecords()
	buf := make([]byte, 0, rowBinarySize(recs))
	b.ReportAllocs()
	for b.Loop() {
		buf = buf[:0]
		for i := range recs {
			buf = appendRecord(buf, &recs[i], 1)
		}
	}
	b.ReportMetric(float64(b.N*len(recs))/b.Elapsed().Seconds(), "events/s")
}

// BenchmarkNativeBlock encodes the same batches as BenchmarkAppendRecord in
// Native format.
func BenchmarkNativeBlock(b *testing.B) {
	recs := benchRecords()
	var blk nativeBlock
	types := make([]string, len(insertColumns))
	order := make([]int32, len(recs))
	for i := range order {
		order[i] = int32(i)
	}
	buf := make([]byte, 0, rowBinarySize(recs))
	b.ReportAllocs()
	for b.Loop() {
		blk.reset()
		blk.add(recs, order, 1)
		buf = blk.appendTo(buf[:0], types)
	}
	b.ReportMetric(float64(b.N*len(recs))/b.Elapsed().Seconds(), "events/s")
}

// TestNativeKindsCoverEveryInsertColumn: the encoder writes one value per
// insert column, each of a kind that names the type it writes.
func TestNativeKindsCoverEveryInsertColumn(t *testing.T) {
	if len(nativeColumns) != len(insertColumns) {
		t.Fatalf("%d native columns for %d insert columns", len(nativeColumns), len(insertColumns))
	}
	for typ, want := range map[string]bool{"String": true, "LowCardinality(String)": false, "DateTime('UTC')": true,
		"DateTime64(3)": false, "Nullable(String)": false} {
		kind := kindString
		if strings.HasPrefix(typ, "Date") {
			kind = kindDateTime
		}
		if kind.writes(typ) != want {
			t.Errorf("%s writes %s: %t, want %t", []string{"string", "", "datetime"}[kind], typ, !want, want)
		}
	}
}
