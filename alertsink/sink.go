// Package alertsink is where detect's alerts go. A Sink stores every alert
// update in ClickHouse (one alerts row per revision, one alert_evidence row
// per evidence event) and publishes the updates meant for response (new or
// escalated, neither shadow nor suppressed) to Kafka as OCSF Detection
// Findings. Writes are idempotent: replaying updates stores nothing twice as
// seen through the FINAL views. docs/alerts.md describes tables and messages.
package alertsink

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/credwatch/credwatch/detect"
	"github.com/credwatch/credwatch/internal/clock"
	"github.com/credwatch/credwatch/store"
)

// RowInserter inserts rows into ClickHouse (*store.Store).
type RowInserter interface {
	InsertRows(ctx context.Context, r store.Rows) error
}

// DefaultTimeout bounds one Write unless configured otherwise, so a server
// that stops answering mid-request fails the write instead of hanging it.
const DefaultTimeout = 30 * time.Second

// Config is what a Sink needs.
type Config struct {
	Store   RowInserter           // required
	Writer  MessageWriter         // required; NewWriter waits for all in-sync replicas
	Topic   string                // default DefaultTopic
	Clock   clock.Clock           // stamps updated_at and times writes; default clock.Real
	Metrics prometheus.Registerer // required
	Timeout time.Duration         // bounds one Write; default DefaultTimeout
}

// Sink stores and publishes alert updates. Safe for concurrent use.
type Sink struct {
	cfg     Config
	metrics *metrics
	marks   *evidenceMarks
}

// New checks cfg and registers the sink's metrics on cfg.Metrics.
func New(cfg Config) (*Sink, error) {
	switch {
	case cfg.Store == nil:
		return nil, fmt.Errorf("alertsink: config store is required")
	case cfg.Writer == nil:
		return nil, fmt.Errorf("alertsink: config writer is required")
	case cfg.Metrics == nil:
		return nil, fmt.Errorf("alertsink: config metrics registerer is required")
	}
	if cfg.Topic == "" {
		cfg.Topic = DefaultTopic
	}
	if cfg.Clock == nil {
		cfg.Clock = clock.Real{}
	}
	if cfg.Timeout <= 0 {
		cfg.Timeout = DefaultTimeout
	}
	return &Sink{cfg: cfg, metrics: newMetrics(cfg.Metrics), marks: newEvidenceMarks()}, nil
}

// Write stores every update (its alert revision and any evidence not yet
// stored), then publishes the updates whose Publish() is true. It returns
// nil only once ClickHouse has acknowledged the inserts and Kafka the
// messages. An error is an *Error: Retryable(err) says whether writing the
// same updates again may succeed; doing so is always safe (publishing is
// at least once: consumers drop repeats by metadata.uid).
func (s *Sink) Write(ctx context.Context, updates []detect.Update) error {
	if len(updates) == 0 {
		return nil
	}
	start := s.cfg.Clock.Now()
	if err := s.write(ctx, updates); err != nil {
		var e *Error
		if errors.As(err, &e) {
			s.metrics.countError(e)
		}
		return err
	}
	s.metrics.duration.Observe(s.cfg.Clock.Now().Sub(start).Seconds())
	return nil
}

func (s *Sink) write(ctx context.Context, updates []detect.Update) error {
	ctx, cancel := context.WithTimeout(ctx, s.cfg.Timeout)
	defer cancel()
	enc, err := s.encode(updates)
	if err != nil {
		return err
	}
	evidence, marks := s.marks.pending(updates)
	// Evidence first: an alert row that is visible has its evidence stored.
	for _, rows := range []store.Rows{
		{Table: evidenceTable, Columns: evidenceColumns, Values: evidence},
		{Table: alertsTable, Columns: alertColumns, Values: enc.alerts},
	} {
		if err := s.cfg.Store.InsertRows(ctx, rows); err != nil {
			return clickHouseError(err)
		}
	}
	s.marks.record(marks)
	s.metrics.countStored(updates)
	if len(enc.msgs) > 0 {
		if err := s.cfg.Writer.WriteMessages(ctx, enc.msgs...); err != nil {
			return kafkaError(err)
		}
		s.metrics.countPublished(enc.published)
	}
	return nil
}
