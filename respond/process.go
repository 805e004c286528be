package respond

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"net/http"
	"sync"
	"time"

	"github.com/credwatch/credwatch/alertsink"
	"github.com/credwatch/credwatch/ingest"
	"github.com/credwatch/credwatch/internal/retry"
	"github.com/credwatch/credwatch/respond/delivery"
	"github.com/credwatch/credwatch/respond/policy"
	"github.com/credwatch/credwatch/respond/receiver"
	"github.com/credwatch/credwatch/respond/webhook"
	"github.com/credwatch/credwatch/store"
)

// Config is `credwatch respond` as a service.
type Config struct {
	Brokers       []string
	AlertsTopic   string // default alertsink.DefaultTopic
	EventsTopic   string // default credwatch.events
	Group         string // default credwatch-respond
	ClickHouseDSN string
	WebhookURL    string
	TenantURLs    map[string]string // per-tenant endpoints; WebhookURL for the rest
	Secrets       []webhook.Secret
	Policy        fs.FS // nil: the embedded default policy
	Guardrails    Guardrails
	PollEvery     time.Duration // controls and approvals; default 1s
	ApprovalTTL   time.Duration // default 24h
	Backoff       delivery.Backoff
}

func (c Config) withDefaults() Config {
	c.AlertsTopic = cmpOr(c.AlertsTopic, alertsink.DefaultTopic)
	c.EventsTopic = cmpOr(c.EventsTopic, receiver.DefaultEventsTopic)
	c.Group = cmpOr(c.Group, "credwatch-respond")
	if c.PollEvery <= 0 {
		c.PollEvery = time.Second
	}
	if c.ApprovalTTL <= 0 {
		c.ApprovalTTL = 24 * time.Hour
	}
	if c.Backoff.Base <= 0 {
		c.Backoff = delivery.Backoff{Base: 500 * time.Millisecond, Max: time.Minute}
	}
	return c
}

func cmpOr(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// Run answers alerts until ctx ends: it resumes undelivered intents first.
func Run(ctx context.Context, cfg Config, d Deps) error {
	cfg = cfg.withDefaults()
	st, err := open(ctx, cfg.ClickHouseDSN, d)
	if err != nil {
		return err
	}
	defer st.Close()
	pol, err := LoadPolicy(ctx, cfg.Policy)
	if err != nil {
		return err
	}
	producer := receiver.NewKafkaEmitter(cfg.Brokers, cfg.EventsTopic)
	defer producer.Close()
	events := NewEventQueue(producer, 10000, d.Log)
	alerts := alertsink.NewWriter(cfg.Brokers)
	defer alerts.Close()
	var r *Responder
	disp := delivery.NewDispatcher(delivery.Config{Sender: sender(cfg, d), Backoff: cfg.Backoff, Clock: d.Clock,
		OnResult: func(j delivery.Job, res delivery.Result) { r.OnResult(j, res) }, Metrics: d.Metrics, Log: d.Log})
	r = NewResponder(Parts{Decider: &Decider{Policy: pol, Guard: NewGuard(cfg.Guardrails), Now: d.Clock.Now},
		Outbox: NewOutbox(st), Submit: disp, Events: events, Alerts: KafkaAlerts(alerts, cfg.AlertsTopic),
		Clock: d.Clock, Log: d.Log, Metrics: NewMetrics(d.Metrics)})
	reader := ingest.NewReader(ingest.KafkaConfig{Brokers: cfg.Brokers, Group: cfg.Group}, cfg.AlertsTopic, d.Log)
	defer reader.Close()
	d.Log.Info("respond running", "alerts", cfg.AlertsTopic, "group", cfg.Group, "dry_run", cfg.Guardrails.DryRun,
		"endpoint", cfg.WebhookURL != "")
	var wg sync.WaitGroup
	errs := make(chan error, 2)
	wg.Go(func() { events.Run(ctx, 5*time.Second) })
	wg.Go(func() { errs <- disp.Run(ctx) })
	wg.Go(func() { r.watch(ctx, NewControls(st, d.Clock.Now), cfg.PollEvery, cfg.ApprovalTTL) })
	d.Health.SetReady(true)
	errs <- r.consume(ctx, reader, d.Health)
	d.Health.SetReady(false)
	wg.Wait()
	close(errs)
	var all []error
	for e := range errs {
		if e != nil && !errors.Is(e, context.Canceled) {
			all = append(all, e)
		}
	}
	return errors.Join(all...)
}

// LoadPolicy loads the response policy in fsys, or the embedded default
// when fsys is nil.
func LoadPolicy(ctx context.Context, fsys fs.FS) (*policy.Policy, error) {
	if fsys == nil {
		return policy.Default(ctx)
	}
	return policy.Load(ctx, fsys)
}

// sender signs with every configured secret (rotation) and posts only to
// configured endpoints.
func sender(cfg Config, d Deps) *delivery.Sender {
	sign := delivery.SignerFunc(func(h http.Header, id string, ts time.Time, body []byte) {
		webhook.SetHeaders(h, cfg.Secrets, id, ts, body)
	})
	eps := delivery.Endpoints{Default: delivery.Endpoint{URL: cfg.WebhookURL, Signer: sign},
		PerTenant: map[string]delivery.Endpoint{}}
	for t, u := range cfg.TenantURLs {
		eps.PerTenant[t] = delivery.Endpoint{URL: u, Signer: sign}
	}
	return &delivery.Sender{Client: delivery.NewHTTPClient(delivery.DefaultTimeout), Endpoints: eps, Now: d.Clock.Now}
}

// open connects and migrates, retrying while ClickHouse is unreachable.
func open(ctx context.Context, dsn string, d Deps) (*store.Store, error) {
	var st *store.Store
	rt := retry.Retrier{Clock: d.Clock, Health: d.Health, Log: d.Log, Max: 5 * time.Second}
	err := rt.Do(ctx, "clickhouse", 0, func(ctx context.Context) error {
		var err error
		if st, err = store.Open(ctx, dsn, d.Log); err != nil {
			return err
		}
		if _, err = st.Migrate(ctx, store.MigrateOptions{}); err != nil {
			st.Close()
		}
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("clickhouse: %w", err)
	}
	return st, nil
}
