package main

import (
	"context"
	"time"

	"github.com/credwatch/credwatch/ingest"
)

type ingestCmd struct {
	Brokers         []string      `required:"" env:"CREDWATCH_BROKERS" help:"Kafka bootstrap brokers (host:port,...)."`
	Topic           string        `default:"credwatch.events" env:"CREDWATCH_TOPIC" help:"Events topic."`
	Group           string        `default:"credwatch-ingest" env:"CREDWATCH_GROUP" help:"Consumer group."`
	DLQTopic        string        `name:"dlq-topic" env:"CREDWATCH_DLQ_TOPIC" help:"Dead-letter topic (default <topic>.dlq)."`
	ClickHouse      string        `name:"clickhouse" default:"clickhouse://127.0.0.1:9000/credwatch" env:"CREDWATCH_CLICKHOUSE" help:"ClickHouse DSN."`
	Cluster         clusterFlag   `embed:""`
	BatchSize       int           `default:"250000" env:"CREDWATCH_BATCH_SIZE" help:"Messages per batch, at most (a cap for small messages: batches are sized by --batch-bytes)."`
	BatchBytes      int           `default:"8388608" env:"CREDWATCH_BATCH_BYTES" help:"Message bytes per batch, the unit of decoding (a batch is cut at whichever of size and bytes comes first)."`
	InsertBytes     int           `default:"134217728" env:"CREDWATCH_INSERT_BYTES" help:"Under a backlog, consecutive full batches share one INSERT of up to this many message bytes, or of as many as still wait, so that INSERTs halve as a backlog ends (one part on the server instead of one per batch; negative: an INSERT per batch). Batches cut by --batch-timeout are inserted at once."`
	InsertsInFlight int           `default:"2" env:"CREDWATCH_INSERTS_IN_FLIGHT" help:"Grouped INSERTs that may run at once (the server writes each on its own thread); they commit in order."`
	BatchTimeout    time.Duration `default:"1s" env:"CREDWATCH_BATCH_TIMEOUT" help:"Longest an event waits for its batch."`
	MetricsAddr     string        `default:"127.0.0.1:9464" env:"CREDWATCH_METRICS_ADDR" help:"Address for /metrics and /healthz (empty: off)."`
	RedactionKey    string        `env:"CREDWATCH_REDACTION_KEY" help:"HMAC key (>= 16 bytes) for redacted references."`
	SessionTimeout  time.Duration `default:"10s" env:"CREDWATCH_SESSION_TIMEOUT" help:"Consumer-group session timeout."`
	Migrate         bool          `default:"true" negatable:"" env:"CREDWATCH_MIGRATE" help:"Apply schema migrations at start."`
	KeepOriginal    bool          `env:"CREDWATCH_KEEP_ORIGINAL" help:"Also store each whole scrubbed message (events.raw); by default only what the mapping did not carry is kept (events.unmapped)."`
	PublishTopic    string        `env:"CREDWATCH_PUBLISH_TOPIC" help:"Also publish every stored event, decoded and scrubbed, keyed by its principal, to this topic (created like --topic): point credwatch detect --topic at it and detection decodes nothing again. Empty: off."`
	sourceFlags
}

func (c *ingestCmd) Run(g *Globals, ctx context.Context) error {
	log := g.Logger()
	sources, err := c.sources()
	if err != nil {
		return err
	}
	red, err := redactorFor(c.RedactionKey, log)
	if err != nil {
		return err
	}
	stopProfiling, err := g.startProfiling("ingest", log)
	if err != nil {
		return err
	}
	defer stopProfiling()
	dsn, err := c.Cluster.dsn(c.ClickHouse)
	if err != nil {
		return err
	}
	obs, err := startObservability(ctx, c.MetricsAddr, log)
	if err != nil {
		return err
	}
	return ingest.RunService(ctx, ingest.ServiceConfig{
		Pipeline: ingest.Config{Topic: c.Topic, DLQTopic: c.DLQTopic, BatchSize: c.BatchSize, BatchBytes: c.BatchBytes,
			InsertBytes: c.InsertBytes, InsertsInFlight: c.InsertsInFlight, BatchTimeout: c.BatchTimeout},
		Kafka:         ingest.KafkaConfig{Brokers: c.Brokers, Group: c.Group, SessionTimeout: c.SessionTimeout},
		ClickHouseDSN: dsn, Migrate: c.Migrate, Redactor: red, Sources: sources, KeepOriginal: c.KeepOriginal,
		PublishTopic: c.PublishTopic,
	}, ingest.Deps{Log: log, Metrics: obs.metrics, Health: obs.health, Clock: obs.clock})
}
