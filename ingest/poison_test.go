package ingest_test

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/segmentio/kafka-go"
	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/ingest"
	"github.com/credwatch/credwatch/internal/testenv"
)

// poison returns bad message i and the reason it must be rejected with.
func poison(i int) ([]byte, string) {
	ts := baseTime.Format(time.RFC3339)
	switch i % 8 {
	case 0:
		return fmt.Appendf(nil, "not json %d", i), "not_json"
	case 1:
		return fmt.Appendf(nil, `{"time":%q,"action":"token.use","tenant":"t","actor":{"id":"a"},"n":%d}`, ts, i), "missing_field"
	case 2:
		return fmt.Appendf(nil, `{"id":"p%d","time":"yesterday","action":"token.use","tenant":"t","actor":{"id":"a"}}`, i), "bad_time"
	case 3:
		return fmt.Appendf(nil, `{"id":"p%d","time":"2999-01-01T00:00:00Z","action":"token.use","tenant":"t","actor":{"id":"a"}}`, i), "time_in_future"
	case 4:
		return fmt.Appendf(nil, `{"id":"p%d","time":%q,"action":"token.use","tenant":"t","actor":{"id":"a"},"source":{"asn":"x"}}`, i, ts), "wrong_type"
	case 5:
		return fmt.Appendf(nil, `{"id":"p%d%s","time":%q,"action":"a","tenant":"t","actor":{"id":"a"}}`, i, strings.Repeat("x", 200), ts), "too_long"
	case 6:
		return fmt.Appendf(nil, `{"id":"p%d","time":%q,"action":"a","tenant":"t","actor":{"id":"a"},"outcome":"maybe"}`, i, ts), "invalid_value"
	default:
		return fmt.Appendf(nil, `[%d]`, i), "wrong_type"
	}
}

// TestFaultPoisonMessages interleaves 1,000 poison messages with good ones:
// each poison message lands in the dead-letter topic with its reason and
// original partition/offset; each good one is stored.
func TestFaultPoisonMessages(t *testing.T) {
	e := newEnv(t, 4)
	const good, bad = 9000, 1000
	var values [][]byte
	wantReason := map[string]string{}
	for i, g, k := 0, 0, 0; i < good+bad; i++ {
		if i%10 == 9 {
			v, reason := poison(k)
			k++
			values = append(values, v)
			wantReason[string(v)] = reason
			continue
		}
		values = append(values, goodEvent(g))
		g++
	}
	produce(t, e.brokers, values...)
	stop := e.runIngest(t, ingest.Config{BatchSize: 1000, BatchTimeout: 100 * time.Millisecond})
	e.waitStored(t, good, 2*time.Minute)

	source := readAll(t, e.brokers[0], topic, 4, good+bad)
	letters := readAll(t, e.brokers[0], dlqTopic, 4, bad)
	require.NoError(t, stop())
	byReason := map[string]int{}
	for _, m := range letters {
		h := headers(m)
		require.Equal(t, wantReason[string(m.Value)], h[ingest.HeaderReason], "value %q", m.Value)
		require.NotEmpty(t, h[ingest.HeaderError])
		p, _ := strconv.Atoi(h[ingest.HeaderPartition])
		off, _ := strconv.ParseInt(h[ingest.HeaderOffset], 10, 64)
		require.Equal(t, string(m.Value), string(source[position{p, off}].Value), "original position must hold the message")
		byReason[h[ingest.HeaderReason]]++
	}
	require.Len(t, letters, bad)
	_, unique, ids := e.counts(t)
	t.Logf("figure: produced %d good + %d poison; stored %d (distinct ids %d); dead letters %d by reason %v", good, bad, unique, ids, len(letters), byReason)
	require.Equal(t, uint64(good), unique)
}

type position struct {
	partition int
	offset    int64
}

// readAll reads want messages from all partitions of topic (no group).
func readAll(t *testing.T, broker, topic string, partitions, want int) map[position]kafka.Message {
	out := map[position]kafka.Message{}
	testenv.Eventually(t, time.Minute, fmt.Sprintf("%d messages on %s", want, topic), func() bool {
		for p := 0; p < partitions; p++ {
			readPartition(t, broker, topic, p, out)
		}
		return len(out) >= want
	})
	return out
}

func readPartition(t *testing.T, broker, topic string, p int, out map[position]kafka.Message) {
	conn, err := kafka.DialLeader(context.Background(), "tcp", broker, topic, p)
	require.NoError(t, err)
	defer conn.Close()
	last, err := conn.ReadLastOffset()
	require.NoError(t, err)
	for off := int64(0); off < last; {
		_, err := conn.Seek(off, kafka.SeekAbsolute)
		require.NoError(t, err)
		_ = conn.SetReadDeadline(time.Now().Add(5 * time.Second))
		batch := conn.ReadBatch(1, 16<<20)
		for {
			m, err := batch.ReadMessage()
			if err != nil {
				break
			}
			out[position{p, m.Offset}] = m
			off = m.Offset + 1
		}
		batch.Close()
	}
}

func headers(m kafka.Message) map[string]string {
	h := map[string]string{}
	for _, x := range m.Headers {
		h[x.Key] = string(x.Value)
	}
	return h
}
