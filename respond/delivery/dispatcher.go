package delivery

import (
	"context"
	"errors"
	"log/slog"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/credwatch/credwatch/internal/clock"
)

// Dispatcher defaults, used when a Config leaves them unset.
const (
	DefaultExpiry    = 24 * time.Hour
	DefaultLanes     = 256
	DefaultQueueSize = 64
)

// Sending makes one delivery attempt (*Sender; tests fake it).
type Sending interface {
	Send(ctx context.Context, job Job) Result
}

// Config is what a Dispatcher needs.
type Config struct {
	Sender      Sending               // required
	Backoff     Backoff               // spaces retries of one job
	Clock       clock.Clock           // waits between retries, ages jobs; nil: clock.Real
	MaxAttempts int                   // attempts per job; 0: unlimited until Expiry
	Expiry      time.Duration         // a retryable job older than this is given up; not positive: DefaultExpiry
	OnResult    func(Job, Result)     // called after every attempt, from the job's lane; may be nil
	Lanes       int                   // most tenants with work at once; not positive: DefaultLanes
	QueueSize   int                   // jobs waiting per lane; not positive: DefaultQueueSize
	Metrics     prometheus.Registerer // nil: a private registry
	Log         *slog.Logger          // nil: no logging
}

// Dispatcher delivers jobs: one lane per tenant delivers that tenant's jobs
// in submission order, each until done, while lanes of different tenants
// run concurrently. A lane ends when its queue is empty.
type Dispatcher struct {
	cfg     Config
	metrics *metrics

	mu      sync.Mutex
	lanes   map[string]*lane // tenant → its lane, while it has work
	runCtx  context.Context  // set by Run; lanes start only once it is
	stopped bool
	wg      sync.WaitGroup
}

// NewDispatcher is a Dispatcher for cfg; Submit may be called before Run.
func NewDispatcher(cfg Config) *Dispatcher {
	if cfg.Clock == nil {
		cfg.Clock = clock.Real{}
	}
	if cfg.Expiry <= 0 {
		cfg.Expiry = DefaultExpiry
	}
	if cfg.Lanes <= 0 {
		cfg.Lanes = DefaultLanes
	}
	if cfg.QueueSize <= 0 {
		cfg.QueueSize = DefaultQueueSize
	}
	if cfg.Metrics == nil {
		cfg.Metrics = prometheus.NewRegistry()
	}
	if cfg.Log == nil {
		cfg.Log = slog.New(slog.DiscardHandler)
	}
	return &Dispatcher{cfg: cfg, metrics: newMetrics(cfg.Metrics), lanes: make(map[string]*lane)}
}

// Run delivers jobs until ctx ends, then waits for the lanes to stop and
// returns nil. Jobs not yet delivered are dropped from memory (the caller
// keeps them durable), and Submit refuses new ones. Run may be called once.
func (d *Dispatcher) Run(ctx context.Context) error {
	d.mu.Lock()
	if d.runCtx != nil || d.stopped {
		d.mu.Unlock()
		return errors.New("delivery: Dispatcher.Run called twice")
	}
	d.runCtx = ctx
	for tenant, l := range d.lanes {
		d.startLane(ctx, tenant, l)
	}
	d.mu.Unlock()
	<-ctx.Done()
	d.mu.Lock()
	d.stopped = true
	d.mu.Unlock()
	d.wg.Wait()
	d.mu.Lock()
	clear(d.lanes)
	d.metrics.queued.Set(0)
	d.mu.Unlock()
	return nil
}
