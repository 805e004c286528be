package allinone

import (
	"bufio"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/chserver"
	"github.com/credwatch/credwatch/internal/clock"
	"github.com/credwatch/credwatch/internal/testenv"
	"github.com/credwatch/credwatch/respond"
	"github.com/credwatch/credwatch/respond/receiver"
)

// TestFigureAttackToRevocation measures, in one process, the time from an
// attack's first event produced to the receiver recording its revocation,
// over 20 attacks while benign traffic flows at 5,000 events/s.
func TestFigureAttackToRevocation(t *testing.T) {
	testenv.SkipFigureIfShort(t)
	testenv.ClickHouseBinary(t)
	const attacks = 20
	var mu sync.Mutex
	var starts []time.Time
	port, err := chserver.FreePort()
	require.NoError(t, err)
	dir := t.TempDir()
	o := Options{DataDir: dir, Rate: 5000, Seed: 7, MetricsAddr: "127.0.0.1:" + strconv.Itoa(port), ConsoleAddr: "127.0.0.1:0",
		FirstAttack: 20 * time.Second, AttackEvery: 4 * time.Second, Status: io.Discard, Plain: true,
		// 20 attacks in 80 s would reach the default caps (20, 5 per tenant
		// in 10 minutes) and wait for approval: this measures the fast path.
		Guardrails: respond.Guardrails{TenantCap: 1000, GlobalCap: 1000},
		OnAttack:   func(_ string, at time.Time) { mu.Lock(); starts = append(starts, at); mu.Unlock() }}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- Run(ctx, o, slog.New(slog.NewTextHandler(io.Discard, nil)), clock.Real{}) }()
	journal := filepath.Join(dir, "receiver", receiver.JournalFile)
	var lat []time.Duration
	testenv.Eventually(t, 5*time.Minute, "20 attacks revoked", func() bool {
		mu.Lock()
		defer mu.Unlock()
		lat = latencies(starts, revocations(journal))
		return len(lat) >= attacks
	})
	cancel()
	require.NoError(t, <-done)
	t.Logf("figure: attack→revocation over %d attacks at 5000 benign events/s: p50 %s p99 %s max %s",
		len(lat), pct(lat, 50), pct(lat, 99), lat[len(lat)-1])
}

// revocations are the receiver journal's revocation times, in order.
func revocations(path string) []time.Time {
	f, err := os.Open(path)
	if err != nil {
		return nil
	}
	defer f.Close()
	var out []time.Time
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var r receiver.Record
		if json.Unmarshal(sc.Bytes(), &r) == nil && r.Revoked() {
			out = append(out, r.Received)
		}
	}
	return out
}

// latencies pairs each attack with the first revocation after it (and
// before the next attack), sorted.
func latencies(starts, revoked []time.Time) []time.Duration {
	var out []time.Duration
	for i, s := range starts {
		end := time.Now()
		if i+1 < len(starts) {
			end = starts[i+1]
		}
		for _, r := range revoked {
			if r.After(s) && r.Before(end) {
				out = append(out, r.Sub(s))
				break
			}
		}
	}
	slices.Sort(out)
	return out
}

func pct(d []time.Duration, p int) time.Duration {
	return d[min(len(d)-1, len(d)*p/100)].Round(time.Millisecond)
}
