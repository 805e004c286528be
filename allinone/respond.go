package allinone

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strings"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/credwatch/credwatch/health"
	"github.com/credwatch/credwatch/internal/clock"
	"github.com/credwatch/credwatch/respond"
	"github.com/credwatch/credwatch/respond/receiver"
	"github.com/credwatch/credwatch/respond/webhook"
)

// response runs the reference receiver (the simulated platform's
// revocation endpoint) and respond pointed at it.
type response struct {
	opts    Options
	metrics prometheus.Registerer
	health  *health.Registry
	clock   clock.Clock
	log     *slog.Logger
}

func (r response) run(ctx context.Context) error {
	secret, err := webhookSecret(filepath.Join(r.opts.DataDir, "webhook.secret"))
	if err != nil {
		return err
	}
	journal, err := receiver.OpenFileJournal(filepath.Join(r.opts.DataDir, "receiver"), r.log)
	if err != nil {
		return fmt.Errorf("receiver journal: %w", err)
	}
	defer journal.Close()
	emitter := receiver.NewKafkaEmitter(r.opts.Brokers, r.opts.Topic)
	defer emitter.Close()
	h, err := receiver.New(receiver.Config{Verifier: webhook.Verifier{Secrets: []webhook.Secret{secret}, Now: r.clock.Now},
		Journal: journal, Emitter: emitter, Now: r.clock.Now, Log: r.log, Metrics: r.metrics})
	if err != nil {
		return err
	}
	srv, err := receiver.Listen("127.0.0.1:0", h, r.log)
	if err != nil {
		return err
	}
	done := make(chan error, 1)
	go func() { done <- srv.Run(ctx) }()
	err = respond.Run(ctx, respond.Config{Brokers: r.opts.Brokers, EventsTopic: r.opts.Topic,
		ClickHouseDSN: r.opts.ClickHouseDSN, WebhookURL: "http://" + srv.Addr() + "/",
		Secrets: []webhook.Secret{secret}, Guardrails: r.opts.Guardrails},
		respond.Deps{Log: r.log, Metrics: r.metrics, Health: r.health, Clock: r.clock})
	return errors.Join(err, <-done)
}

// webhookSecret reads the run's signing secret, creating it on first use.
func webhookSecret(path string) (webhook.Secret, error) {
	if b, err := os.ReadFile(path); err == nil {
		return webhook.ParseSecret(strings.TrimSpace(string(b)))
	}
	key := make([]byte, 32)
	if _, err := rand.Read(key); err != nil {
		return nil, err
	}
	s := webhook.SecretPrefix + base64.StdEncoding.EncodeToString(key)
	if err := os.WriteFile(path, []byte(s+"\n"), 0o600); err != nil {
		return nil, fmt.Errorf("webhook secret: %w", err)
	}
	return webhook.ParseSecret(s)
}
