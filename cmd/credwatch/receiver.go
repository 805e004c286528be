package main

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/credwatch/credwatch/respond/receiver"
	"github.com/credwatch/credwatch/respond/webhook"
)

// receiverCmd runs the reference webhook receiver: it verifies credwatch's
// signed webhooks and turns each credential.revoke into a token.revoke
// event on the events topic.
type receiverCmd struct {
	Listen        string        `default:"127.0.0.1:9468" env:"CREDWATCH_RECEIVER_LISTEN" help:"Address webhooks are POSTed to."`
	WebhookSecret []string      `name:"webhook-secret" required:"" env:"CREDWATCH_WEBHOOK_SECRET" help:"Signing secret (whsec_<base64>); repeat during a rotation. Prefer the env var: flags show in ps."`
	Tolerance     time.Duration `default:"5m" env:"CREDWATCH_WEBHOOK_TOLERANCE" help:"Largest difference between a webhook's timestamp and this clock."`
	DataDir       string        `name:"data-dir" default:"./.credwatch/receiver" env:"CREDWATCH_RECEIVER_DATA_DIR" help:"Directory of the journal of handled webhooks."`
	Brokers       []string      `required:"" env:"CREDWATCH_BROKERS" help:"Kafka bootstrap brokers (host:port,...)."`
	EventsTopic   string        `name:"events-topic" default:"credwatch.events" env:"CREDWATCH_TOPIC" help:"Topic token.revoke events are written to."`
	MetricsAddr   string        `name:"metrics-addr" default:"127.0.0.1:9466" env:"CREDWATCH_RECEIVER_METRICS_ADDR" help:"Address for /metrics and /healthz (empty: off)."`
}

// Run serves webhooks until ctx ends, then lets requests in flight finish.
func (c *receiverCmd) Run(g *Globals, ctx context.Context) error {
	log := g.Logger()
	secrets, err := webhook.ParseSecrets(c.WebhookSecret)
	if err != nil {
		return fmt.Errorf("--webhook-secret: %w", err)
	}
	if c.Tolerance <= 0 {
		return errors.New("--tolerance must be positive")
	}
	stopProfiling, err := g.startProfiling("receiver", log)
	if err != nil {
		return err
	}
	defer stopProfiling()
	obs, err := startObservability(ctx, c.MetricsAddr, log)
	if err != nil {
		return err
	}
	journal, err := receiver.OpenFileJournal(c.DataDir, log)
	if err != nil {
		return fmt.Errorf("--data-dir: %w", err)
	}
	defer journal.Close()
	emitter := receiver.NewKafkaEmitter(c.Brokers, c.EventsTopic)
	defer emitter.Close()
	h, err := receiver.New(receiver.Config{Verifier: webhook.Verifier{Secrets: secrets, Tolerance: c.Tolerance},
		Journal: journal, Emitter: emitter, Now: obs.clock.Now, Log: log, Metrics: obs.metrics})
	if err != nil {
		return err
	}
	srv, err := receiver.Listen(c.Listen, h, log)
	if err != nil {
		return fmt.Errorf("--listen: %w", err)
	}
	log.Info("receiving webhooks", "url", "http://"+srv.Addr()+"/", "secrets", len(secrets),
		"journal", c.DataDir, "events_topic", c.EventsTopic)
	obs.health.SetReady(true)
	defer obs.health.SetReady(false)
	return srv.Run(ctx)
}
