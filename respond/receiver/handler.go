package receiver

import (
	"errors"
	"log/slog"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/credwatch/credwatch/respond/webhook"
)

// MaxBody is the largest webhook body accepted (larger ones get 413).
const MaxBody = 1 << 20

// Config is what a Handler needs.
type Config struct {
	// Verifier checks signatures; its Now defaults to Config.Now.
	Verifier webhook.Verifier
	// Journal remembers handled webhook ids and revocations.
	Journal Journal
	// Emitter hands token.revoke events to the platform.
	Emitter Emitter
	// Now is the clock (default time.Now).
	Now func() time.Time
	// Log receives one line per revocation and per rejection (default: discarded).
	Log *slog.Logger
	// Metrics is where the receiver's series are registered (default: a
	// private registry).
	Metrics prometheus.Registerer
}

// Handler is the receiver's http.Handler. Build it with New.
type Handler struct {
	verifier webhook.Verifier
	journal  Journal
	emitter  Emitter
	now      func() time.Time
	log      *slog.Logger
	metrics  *metrics
	claims   *claims
}

// New checks cfg, fills in its defaults and registers the metrics.
func New(cfg Config) (*Handler, error) {
	switch {
	case len(cfg.Verifier.Secrets) == 0:
		return nil, errors.New("receiver: no webhook secret")
	case cfg.Journal == nil:
		return nil, errors.New("receiver: no journal")
	case cfg.Emitter == nil:
		return nil, errors.New("receiver: no emitter")
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Verifier.Now == nil {
		cfg.Verifier.Now = cfg.Now
	}
	if cfg.Log == nil {
		cfg.Log = slog.New(slog.DiscardHandler)
	}
	if cfg.Metrics == nil {
		cfg.Metrics = prometheus.NewRegistry()
	}
	m, err := newMetrics(cfg.Metrics)
	if err != nil {
		return nil, err
	}
	return &Handler{verifier: cfg.Verifier, journal: cfg.Journal, emitter: cfg.Emitter,
		now: cfg.Now, log: cfg.Log, metrics: m, claims: newClaims()}, nil
}

// Revocations returns the revocations the journal holds, oldest first.
func (h *Handler) Revocations() []Record { return h.journal.Revocations() }
