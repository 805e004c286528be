// Package live runs detection on the event stream, modelled on Kafka Streams
// and Redpanda Connect: its own consumer group on the events topic (so a slow
// alert sink never slows storage and a slow ClickHouse never delays an
// alert), one detect.Engine per assigned partition (state is sharded by
// partition: events are keyed by the principal that owns the credential, so
// each credential's and each actor's state is whole in one engine; only the
// actors-per-network table is shared), an optional re-key stage for topics
// keyed otherwise, a warm start of the baselines from ClickHouse on every
// assignment, and offsets committed per partition only after the alerts of
// every message up to them were written.
package live

import "time"

// Config tunes the live detector.
type Config struct {
	Brokers    []string
	Topic      string // the events topic (the one ingest reads)
	Group      string // detect's consumer group
	Rekey      bool   // the events topic is not keyed by event.PartitionKey: re-key it first
	RekeyTopic string // internal topic keyed by event.PartitionKey (the principal)
	RekeyGroup string // the re-key stage's consumer group
	// FromIngest says Topic is ingest's --publish-topic: its wire-form
	// messages are credwatch's own and read as they are. Without it (or
	// Rekey) a wire-form message is decoded like any other, so no producer
	// can pass an event around the decoder's validation and redaction.
	FromIngest     bool
	BatchSize      int           // messages judged per batch, at most
	BatchTimeout   time.Duration // longest a message waits for its batch
	SessionTimeout time.Duration // how long a dead member holds its partitions
	ClickHouseDSN  string        // history for the warm start; empty: always start cold
	WarmStart      time.Duration // how much history the warm start learns
	WarmStartWait  time.Duration // longest alerts wait on ClickHouse before a cold start
	LateAfter      time.Duration // an event this far behind its partition's newest is late
	MaxBackoff     time.Duration // cap of the retry backoff
	ShutdownGrace  time.Duration // how long a stop waits for the batch in flight
	// SuppressionPoll is how often the console's suppressions are re-read
	// (with ServiceConfig.Suppressions).
	SuppressionPoll time.Duration
}

// Defaults fills zero fields.
func (c Config) Defaults() Config {
	c.Topic = orDefault(c.Topic, "credwatch.events")
	c.Group = orDefault(c.Group, "credwatch-detect")
	c.RekeyTopic = orDefault(c.RekeyTopic, c.Topic+".by-principal")
	c.RekeyGroup = orDefault(c.RekeyGroup, c.Group+"-rekey")
	if c.BatchSize <= 0 {
		c.BatchSize = 1000
	}
	c.BatchTimeout = orDuration(c.BatchTimeout, 10*time.Millisecond)
	c.SessionTimeout = orDuration(c.SessionTimeout, 10*time.Second)
	c.WarmStart = orDuration(c.WarmStart, 30*24*time.Hour)
	c.WarmStartWait = orDuration(c.WarmStartWait, 10*time.Second)
	c.LateAfter = orDuration(c.LateAfter, time.Minute)
	c.MaxBackoff = orDuration(c.MaxBackoff, 5*time.Second)
	c.ShutdownGrace = orDuration(c.ShutdownGrace, 30*time.Second)
	c.SuppressionPoll = orDuration(c.SuppressionPoll, 10*time.Second)
	return c
}

// DetectTopic is the topic the detector consumes: the internal re-keyed
// topic with Rekey, else the events topic.
func (c Config) DetectTopic() string {
	if c.Rekey {
		return c.RekeyTopic
	}
	return c.Topic
}

func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

func orDuration(d, def time.Duration) time.Duration {
	if d <= 0 {
		return def
	}
	return d
}

// trustsWire reports whether the topic detection reads carries wire-form
// events credwatch itself wrote (the re-key stage's, or ingest's).
func (c Config) trustsWire() bool { return c.Rekey || c.FromIngest }
