package live

import (
	"context"
	"log/slog"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/credwatch/credwatch/detect"
	"github.com/credwatch/credwatch/internal/clock"
)

// SuppressionSource is where the suppressions managed in the console are
// read from (suppressions.Store): those to honour at now.
type SuppressionSource interface {
	Active(ctx context.Context, now time.Time) ([]detect.Suppression, error)
}

// suppressionPoller keeps the engines' live list equal to the configured
// suppressions (the --suppressions file) plus the source's, re-read every
// interval. A failed read keeps the list as it was.
type suppressionPoller struct {
	source   SuppressionSource
	fixed    []detect.Suppression
	list     *detect.SuppressionList
	interval time.Duration
	clock    clock.Clock
	log      *slog.Logger
	loaded   prometheus.Gauge
	failures prometheus.Counter
}

func newSuppressionPoller(sc ServiceConfig, cfg Config, d Deps) *suppressionPoller {
	p := &suppressionPoller{source: sc.Suppressions, fixed: sc.Engine.Suppressions,
		list: detect.NewSuppressionList(sc.Engine.Suppressions), interval: cfg.SuppressionPoll, clock: d.Clock, log: d.Log,
		loaded: prometheus.NewGauge(prometheus.GaugeOpts{Name: "credwatch_detect_suppressions",
			Help: "Suppressions the engines honour: the file's and the console's."}),
		failures: prometheus.NewCounter(prometheus.CounterOpts{Name: "credwatch_detect_suppression_poll_failures_total",
			Help: "Reads of the console's suppressions that failed (the previous list is kept)."}),
	}
	d.Metrics.MustRegister(p.loaded, p.failures)
	p.loaded.Set(float64(len(p.fixed)))
	return p
}

// startSuppressionPoller polls sc.Suppressions until ctx ends, returning
// the engines' live list (nil without a source) and a channel closed once
// the poller stopped.
func startSuppressionPoller(ctx context.Context, sc ServiceConfig, cfg Config, d Deps) (*detect.SuppressionList, <-chan struct{}) {
	done := make(chan struct{})
	if sc.Suppressions == nil {
		close(done)
		return nil, done
	}
	p := newSuppressionPoller(sc, cfg, d)
	go func() {
		defer close(done)
		p.run(ctx)
	}()
	return p.list, done
}

// run polls until ctx ends; the first read is at once.
func (p *suppressionPoller) run(ctx context.Context) {
	for {
		p.poll(ctx)
		select {
		case <-ctx.Done():
			return
		case <-p.clock.After(p.interval):
		}
	}
}

// poll reads the source once and swaps the merged list in.
func (p *suppressionPoller) poll(ctx context.Context) {
	ctx, cancel := context.WithTimeout(ctx, max(p.interval, time.Second))
	defer cancel()
	got, err := p.source.Active(ctx, p.clock.Now())
	if err != nil {
		if ctx.Err() == nil {
			p.failures.Inc()
			p.log.Warn("suppressions: read failed; keeping the previous list", "err", err)
		}
		return
	}
	merged := append(append(make([]detect.Suppression, 0, len(p.fixed)+len(got)), p.fixed...), got...)
	p.list.Store(merged)
	p.loaded.Set(float64(len(merged)))
}
