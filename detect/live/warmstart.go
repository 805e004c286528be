package live

import (
	"context"
	"errors"
	"log/slog"
	"time"

	"github.com/ClickHouse/clickhouse-go/v2"

	"github.com/credwatch/credwatch/detect"
	"github.com/credwatch/credwatch/event"
	"github.com/credwatch/credwatch/internal/clock"
	"github.com/credwatch/credwatch/store"
)

// codeUnknownTable is ClickHouse's UNKNOWN_TABLE: no migration yet, so no
// history; retrying cannot help.
const codeUnknownTable = 60

// warmer rebuilds partition engines from the ClickHouse history.
type warmer struct {
	cfg       Config
	clock     clock.Clock
	log       *slog.Logger
	metrics   *Metrics
	newEngine func() *detect.Engine
	networks  *detect.Networks // the engines' shared table, learned from every partition's history
}

// load gives every part a fresh engine that has learned, in event-time
// order, the history (the last WarmStart) of the keys that hash to its
// partition among n, up to the part's cutoff; the shared network table
// learns from the other partitions' history too. When ClickHouse does not
// answer within WarmStartWait, the engines start cold: alerts never wait on
// ClickHouse longer than that.
func (w *warmer) load(ctx context.Context, parts []*partition, n int) {
	w.reset(parts)
	if w.cfg.ClickHouseDSN == "" {
		w.cold(parts, coldNotConfigured, nil)
		return
	}
	start := w.clock.Now()
	backoff := 100 * time.Millisecond
	for {
		learned, err := w.attempt(ctx, parts, n, w.cfg.WarmStartWait-w.clock.Now().Sub(start))
		if err == nil {
			took := w.clock.Now().Sub(start)
			w.metrics.warmSeconds.Set(took.Seconds())
			w.metrics.warmEvents.Add(float64(learned))
			w.log.Info("warm start done", "partitions", ids(parts), "events", learned, "took", took,
				"window", w.cfg.WarmStart)
			return
		}
		w.reset(parts) // never keep half a history
		var exc *clickhouse.Exception
		switch {
		case ctx.Err() != nil:
			return
		case errors.As(err, &exc) && exc.Code == codeUnknownTable:
			w.cold(parts, coldNoTable, err)
			return
		case w.clock.Now().Sub(start)+backoff >= w.cfg.WarmStartWait:
			w.cold(parts, coldUnavailable, err)
			return
		}
		w.metrics.retries.WithLabelValues(componentClickHouse).Inc()
		select {
		case <-ctx.Done():
			return
		case <-w.clock.After(backoff):
		}
		backoff = min(backoff*2, w.cfg.MaxBackoff)
	}
}

// attempt connects and learns; it gives up when the server has not answered
// the query within wait.
func (w *warmer) attempt(ctx context.Context, parts []*partition, n int, wait time.Duration) (int, error) {
	actx, cancel := context.WithCancel(ctx)
	defer cancel()
	answered := make(chan struct{})
	go func() {
		select {
		case <-w.clock.After(max(wait, 0)):
			cancel()
		case <-answered:
		case <-actx.Done():
		}
	}()
	st, err := store.Open(actx, w.cfg.ClickHouseDSN, w.log)
	if err != nil {
		return 0, err
	}
	defer st.Close()
	byID := map[int]*partition{}
	until := time.Time{}
	for _, p := range parts {
		byID[p.id] = p
		until = maxTime(until, p.cutoff)
	}
	hash, learned := NewPartitioner(n), 0
	err = streamHistory(actx, st.Conn(), w.clock.Now().Add(-w.cfg.WarmStart), until, func() { close(answered) },
		func(ev *event.Event) {
			switch p := byID[hash.Of(ev.PartitionKey())]; {
			case p == nil && w.networks != nil: // another partition's: only its network use
				w.networks.Observe(ev)
			case p != nil && ev.Time.Before(p.cutoff):
				p.engine.Learn(ev)
				learned++
			}
		})
	return learned, err
}

// reset gives every part a fresh, empty engine.
func (w *warmer) reset(parts []*partition) {
	for _, p := range parts {
		p.engine = w.newEngine()
	}
}
