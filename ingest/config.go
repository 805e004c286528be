// Package ingest moves audit events from Kafka into ClickHouse with nothing
// lost: fetch → batch and decode (in parallel) → insert, dead-letter, commit.
// Offsets are committed per partition only after every message up to them is
// durable (stored in ClickHouse or acknowledged by the dead-letter topic).
package ingest

import (
	"time"
)

// Config tunes the pipeline.
type Config struct {
	Topic           string
	DLQTopic        string
	BatchSize       int           // messages per batch, at most: a cap for small messages
	BatchBytes      int           // message bytes per batch: a batch is cut at whichever bound comes first
	InsertBytes     int           // message bytes of consecutive full batches one INSERT may carry (<0: one INSERT per batch)
	InsertsInFlight int           // grouped INSERTs that may run at once
	BatchTimeout    time.Duration // longest an event waits for its batch
	Decoders        int           // parallel decoders per batch
	MaxBackoff      time.Duration // cap of the retry backoff
	ShutdownGrace   time.Duration // how long SIGTERM waits for the in-flight batch
}

// Defaults fills zero fields.
func (c Config) Defaults() Config {
	if c.Topic == "" {
		c.Topic = "credwatch.events"
	}
	if c.DLQTopic == "" {
		c.DLQTopic = c.Topic + ".dlq"
	}
	if c.BatchSize <= 0 {
		c.BatchSize = 250_000
	}
	if c.BatchBytes <= 0 {
		c.BatchBytes = 8 << 20
	}
	if c.InsertBytes == 0 {
		c.InsertBytes = 128 << 20
	}
	if c.InsertsInFlight <= 0 {
		c.InsertsInFlight = 2
	}
	if c.BatchTimeout <= 0 {
		c.BatchTimeout = time.Second
	}
	if c.Decoders <= 0 {
		c.Decoders = 2
	}
	if c.MaxBackoff <= 0 {
		c.MaxBackoff = 5 * time.Second
	}
	if c.ShutdownGrace <= 0 {
		c.ShutdownGrace = 30 * time.Second
	}
	return c
}
