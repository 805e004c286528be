package alertsink_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/alertsink"
	"github.com/credwatch/credwatch/detect"
)

// newAlerts is n new-alert updates, all published, on distinct credentials.
func newAlerts(batch, n int) []detect.Update {
	d := detect.NewDeduper(time.Hour)
	out := make([]detect.Update, n)
	for i := range out {
		cred := fmt.Sprintf("tok-%d-%d", batch, i)
		out[i] = d.Add(match("victim", cred, "high", cred+"-e1", t0))
	}
	return out
}

// BenchmarkSinkWrite writes batches of 100 new alerts to a real ClickHouse
// and the in-process broker; each is stored, evidenced and published.
func BenchmarkSinkWrite(b *testing.B) {
	e := newEnv(b)
	s, _ := e.sink(b)
	const size = 100
	batches := make([][]detect.Update, 0, 64)
	for i := range 64 {
		batches = append(batches, newAlerts(i, size))
	}
	n := 0
	for b.Loop() {
		require.NoError(b, s.Write(context.Background(), batches[n%len(batches)]))
		n++
	}
	b.ReportMetric(float64(n*size)/b.Elapsed().Seconds(), "alerts/s")
}

// BenchmarkOCSF renders one escalated alert with three evidence events.
func BenchmarkOCSF(b *testing.B) {
	a := lifecycle("victim", "tok1")[2].Alert
	b.ReportAllocs()
	for b.Loop() {
		if _, err := alertsink.OCSF(a); err != nil {
			b.Fatal(err)
		}
	}
}
