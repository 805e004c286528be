package clustertest

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"testing"
	"time"

	"github.com/credwatch/credwatch/internal/testenv"
	"github.com/segmentio/kafka-go"
	"github.com/stretchr/testify/require"
)

const (
	topic    = "credwatch.events"
	dlqTopic = "credwatch.events.dlq"
	group    = "credwatch-ingest"
)

// startIngester runs `credwatch ingest` against node i with the cluster
// named as an operator would: CREDWATCH_CLICKHOUSE_CLUSTER.
func (c *cluster) startIngester(t *testing.T, brokers []string, i int, logf *os.File) *testenv.Child {
	cmd := exec.Command(credwatchBinary(t), "ingest")
	cmd.Env = append(os.Environ(),
		"CREDWATCH_BROKERS="+brokers[0], "CREDWATCH_CLICKHOUSE="+c.Nodes[i].DSN(c.db),
		"CREDWATCH_CLICKHOUSE_CLUSTER="+clusterName,
		"CREDWATCH_BATCH_SIZE=500", "CREDWATCH_BATCH_TIMEOUT=100ms", "CREDWATCH_METRICS_ADDR=127.0.0.1:0",
		"CREDWATCH_SESSION_TIMEOUT=6s", "CREDWATCH_LOG_FORMAT=json",
		"CREDWATCH_REDACTION_KEY=cluster-test-key-0123456789")
	cmd.Stdout, cmd.Stderr = logf, logf
	return testenv.StartChild(t, cmd)
}

// produceEvents writes events [from, to) to topic, keyed so partitions spread.
func produceEvents(brokers []string, from, to int, start time.Time) error {
	w := &kafka.Writer{Addr: kafka.TCP(brokers...), Topic: topic, Balancer: &kafka.Hash{},
		RequiredAcks: kafka.RequireAll, BatchSize: 1000, BatchTimeout: 5 * time.Millisecond}
	defer w.Close()
	msgs := make([]kafka.Message, 0, to-from)
	for i := from; i < to; i++ {
		msgs = append(msgs, kafka.Message{Key: fmt.Appendf(nil, "k%d", i), Value: produced(i, start)})
	}
	return w.WriteMessages(context.Background(), msgs...)
}

// uncommitted counts messages past the ingest group's committed offsets.
func uncommitted(t *testing.T, broker string, partitions int) int64 {
	ctx := context.Background()
	c := &kafka.Client{Addr: kafka.TCP(broker)}
	var reqs []kafka.OffsetRequest
	var ids []int
	for p := range partitions {
		reqs, ids = append(reqs, kafka.LastOffsetOf(p)), append(ids, p)
	}
	ends, err := c.ListOffsets(ctx, &kafka.ListOffsetsRequest{Topics: map[string][]kafka.OffsetRequest{topic: reqs}})
	require.NoError(t, err)
	got, err := c.OffsetFetch(ctx, &kafka.OffsetFetchRequest{GroupID: group, Topics: map[string][]int{topic: ids}})
	require.NoError(t, err)
	committed := map[int]int64{}
	for _, p := range got.Topics[topic] {
		committed[p.Partition] = max(p.CommittedOffset, 0)
	}
	var behind int64
	for _, p := range ends.Topics[topic] {
		behind += p.LastOffset - committed[p.Partition]
	}
	return behind
}
