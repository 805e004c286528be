package ingest

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/segmentio/kafka-go"

	"github.com/credwatch/credwatch/ingest/decode"
	"github.com/credwatch/credwatch/redact"
	"github.com/credwatch/credwatch/store"
)

func testDecoders(t testing.TB, n int) []*decode.Decoder {
	r, err := redact.New([]byte("bench-key-0123456789abcdef"))
	if err != nil {
		t.Fatal(err)
	}
	ds := make([]*decode.Decoder, n)
	for i := range ds {
		ds[i] = decode.New(r, time.Now, decode.DefaultLimits())
	}
	return ds
}

func batchMessages(n int) []kafka.Message {
	msgs := make([]kafka.Message, n)
	for i := range msgs {
		v := fmt.Appendf(nil, `{"id":"e-%d","time":"2026-11-20T08:15:30.123Z","action":"token.use","tenant":"org-%d","actor":{"id":"u-%d","type":"user"},"token":{"id":"tok-%d","kind":"read","scopes":["read"]},"source":{"ip":"203.0.113.%d","asn":64500,"country":"DE","user_agent":"huggingface_hub/0.26"}}`, i, i%40, i%300, i%900, i%250)
		if i%100 == 99 {
			v = []byte("poison")
		}
		msgs[i] = kafka.Message{Topic: "t", Partition: i % 4, Offset: int64(i / 4), Value: v}
	}
	return msgs
}

func TestDecodeBatchKeepsOrderAndLastOffsets(t *testing.T) {
	b := decodeBatch(testDecoders(t, 3), batchMessages(1000), make([]store.Record, 1000))
	if len(b.Records) != 990 || len(b.Rejects) != 10 {
		t.Fatalf("records %d rejects %d", len(b.Records), len(b.Rejects))
	}
	for i := 1; i < len(b.Records); i++ {
		if b.Records[i].Event.ID == b.Records[i-1].Event.ID {
			t.Fatal("duplicate record")
		}
	}
	if len(b.Last) != 4 {
		t.Fatalf("last per partition: %d", len(b.Last))
	}
	for _, m := range b.Last {
		if m.Offset != 249 {
			t.Fatalf("partition %d last offset %d, want 249", m.Partition, m.Offset)
		}
	}
}

// BenchmarkDecodeBatch decodes 10,000-message batches on every core.
func BenchmarkDecodeBatch(b *testing.B) {
	msgs := batchMessages(10000)
	ds := testDecoders(b, 2)
	b.ReportAllocs()
	for b.Loop() {
		decodeBatch(ds, msgs, make([]store.Record, len(msgs)))
	}
	b.ReportMetric(float64(b.N*len(msgs))/b.Elapsed().Seconds(), "events/s")
}

// TestDecodeBatchManyEventsPerMessage: a CloudTrail file gives one record per
// good record and one reject naming the bad one; a Vault request entry is
// skipped; order and offsets hold across decoders.
func TestDecodeBatchManyEventsPerMessage(t *testing.T) {
	record := func(id string) string {
		return `{"eventVersion":"1.08","eventSource":"secretsmanager.amazonaws.com","eventName":"GetSecretValue","eventTime":"2026-11-20T08:00:00Z","eventID":"` + id +
			`","recipientAccountId":"111122223333","userIdentity":{"type":"IAMUser","arn":"arn:aws:iam::111122223333:user/ann"},"sourceIPAddress":"203.0.113.5"}`
	}
	file := `{"Records":[` + record("r1") + `,{"eventVersion":"1.08","eventSource":"s3.amazonaws.com"},` +
		record("r3") + `,` + record("r4") + `,` + record("r5") + `,` + record("r6") + `]}` // more than a worker's window
	vaultRequest := `{"type":"request","time":"2026-11-20T08:00:00Z","auth":{"accessor":"hmac-sha256:aa"},"request":{"id":"q1","operation":"read","path":"secret/data/x"}}`
	fileMsg := kafka.Message{Topic: "t", Partition: 0, Offset: 2, Value: []byte(file)}
	vaultMsg := kafka.Message{Topic: "t", Partition: 1, Offset: 2, Value: []byte(vaultRequest)}
	ordered := map[string][]kafka.Message{ // the file overflowing the first worker's window, then the last's
		"file first": append([]kafka.Message{fileMsg, vaultMsg}, batchMessages(8)...),
		"file last":  append(batchMessages(8), fileMsg, vaultMsg),
	}
	want := map[string]string{
		"file first": "[r1 r3 r4 r5 r6 e-0 e-1 e-2 e-3 e-4 e-5 e-6 e-7]",
		"file last":  "[e-0 e-1 e-2 e-3 e-4 e-5 e-6 e-7 r1 r3 r4 r5 r6]",
	}
	for name, msgs := range ordered {
		b := decodeBatch(testDecoders(t, 3), msgs, make([]store.Record, len(msgs)))
		var ids []string
		for _, r := range b.Records {
			ids = append(ids, r.Event.ID)
		}
		if fmt.Sprint(ids) != want[name] {
			t.Fatalf("%s: records %v, want %v", name, ids, want[name])
		}
		if len(b.Rejects) != 1 || !strings.HasPrefix(b.Rejects[0].Err.Field, "Records[1].") || b.Rejects[0].Msg.Offset != 2 {
			t.Fatalf("%s: rejects %+v", name, b.Rejects)
		}
		if b.Skipped != 1 {
			t.Fatalf("%s: skipped %d, want 1", name, b.Skipped)
		}
	}
}
