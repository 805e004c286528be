package consolebench

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"slices"
	"strings"
	"time"
)

// query is one kind of request the console answers.
type query struct {
	name string
	path func(i int) string // the i-th request's path (varied so no two are the same)
}

// latency is the measured answers of one query.
type latency struct {
	name     string
	requests int
	p50, p99 time.Duration
	bytes    int    // the last answer's size
	read     uint64 // bytes the server read per request
}

// measure sends n requests of q with token and returns their latency.
func measure(ctx context.Context, base, token string, q query, n int) (latency, error) {
	took := make([]time.Duration, 0, n)
	size := 0
	for i := range n {
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, base+q.path(i), nil)
		if err != nil {
			return latency{}, err
		}
		req.Header.Set("Authorization", "Bearer "+token)
		start := time.Now()
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			return latency{}, fmt.Errorf("%s: %w", q.name, err)
		}
		b, err := io.ReadAll(resp.Body)
		resp.Body.Close()
		took = append(took, time.Since(start))
		if err != nil || resp.StatusCode != http.StatusOK {
			return latency{}, fmt.Errorf("%s: %s: %d %s %v", q.name, q.path(i), resp.StatusCode, b, err)
		}
		size = len(b)
	}
	slices.Sort(took)
	return latency{name: q.name, requests: n, p50: took[n/2], p99: took[(n*99+99)/100-1], bytes: size}, nil
}

// printTable writes the latency table.
func printTable(out io.Writer, s Shape, rows []latency, goal time.Duration) {
	fmt.Fprintf(out, "\nconsole over %d stored events (%d days, %d tenants, %d credentials; %s has %d events), %d alerts\n",
		s.Events, s.Days, s.Tenants, s.Credentials, hotCredential, s.Events/s.HotShare, s.Alerts)
	fmt.Fprintf(out, "%-58s %8s %9s %9s %9s %12s\n", "query", "requests", "p50 ms", "p99 ms", "KB", "MB read/req")
	worst := map[bool]time.Duration{} // by whether the row is an alert queue or timeline query
	for _, r := range rows {
		fmt.Fprintf(out, "%-58s %8d %9.1f %9.1f %9.1f %12.2f\n", r.name, r.requests, ms(r.p50), ms(r.p99), float64(r.bytes)/1024,
			float64(r.read)/1e6)
		console := strings.HasPrefix(r.name, "alerts queue") || strings.HasPrefix(r.name, "timeline")
		worst[console] = max(worst[console], r.p99)
	}
	fmt.Fprintf(out, "alert queue and credential timeline: worst p99 %.1f ms (goal ≤ %.0f ms); forensic queries: worst p99 %.1f ms (goal ≤ 1000 ms at 100M)\n",
		ms(worst[true]), ms(goal), ms(worst[false]))
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
