package store

import (
	"testing"
	"time"

	"github.com/credwatch/credwatch/event"
)

// BenchmarkAppendRecord encodes 10,000-row batches into a reused buffer.
func BenchmarkAppendRecord(b *testing.B) {
	raw := make([]byte, 700)
	recs := make([]Record, 10000)
	for i := range recs {
		recs[i] = Record{Event: event.Event{ID: "evt", Time: time.Unix(1.8e9, 0), Action: "token.use", Tenant: "acme",
			Actor: event.Actor{ID: "alice", Tenants: []string{"acme"}}, Token: event.Token{ID: "tok", Scopes: []string{"read"}},
			Attrs: map[string]string{"k": "v"}, Raw: raw}}
	}
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
