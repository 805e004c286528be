package ingest

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/segmentio/kafka-go"

	"github.com/credwatch/credwatch/store"
)

// cloudWatchMessage is a CloudWatch Logs subscription DATA_MESSAGE carrying
// records, gzipped as CloudWatch Logs writes it to Kinesis.
func cloudWatchMessage(t *testing.T, records ...string) []byte {
	events := make([]map[string]any, len(records))
	for i, r := range records {
		events[i] = map[string]any{"id": fmt.Sprint("370316439074443179526443762847029194657", 70+i), "timestamp": 1763626530000, "message": r}
	}
	b, err := json.Marshal(map[string]any{"messageType": "DATA_MESSAGE", "owner": "111122223333", "logGroup": "aws-cloudtrail-logs",
		"logStream": "111122223333_CloudTrail_us-east-1", "subscriptionFilters": []string{"credwatch"}, "logEvents": events})
	if err != nil {
		t.Fatal(err)
	}
	var z bytes.Buffer
	w := gzip.NewWriter(&z)
	_, _ = w.Write(b)
	_ = w.Close()
	return z.Bytes()
}

// TestDecodeBatchCloudWatchLogs: a gzipped subscription message gives one
// record per good log event and one reject naming the bad one, whose dead
// letter is the scrubbed, inflated message; a control message is skipped.
func TestDecodeBatchCloudWatchLogs(t *testing.T) {
	record := func(id, key string) string {
		return `{"eventVersion":"1.08","eventSource":"sts.amazonaws.com","eventName":"GetCallerIdentity","eventTime":"2026-11-20T08:00:00Z","eventID":"` + id +
			`","recipientAccountId":"111122223333","userIdentity":{"type":"IAMUser","arn":"arn:aws:iam::111122223333:user/ann","accessKeyId":"` + key + `"}}`
	}
	const key = "AKIAIOSFODNN7EXAMPLZ"
	envelope := cloudWatchMessage(t, record("c1", key), `{"eventVersion":"1.08","eventSource":"s3.amazonaws.com"}`, record("c3", key))
	control := `{"messageType":"CONTROL_MESSAGE","owner":"CloudwatchLogs","logGroup":"","logStream":"","subscriptionFilters":[],` +
		`"logEvents":[{"id":"","timestamp":1763626530000,"message":"CWL CONTROL MESSAGE: Checking health of destination Kinesis stream."}]}`
	msgs := append([]kafka.Message{{Topic: "t", Offset: 7, Value: envelope}, {Topic: "t", Partition: 1, Offset: 3, Value: []byte(control)}}, batchMessages(4)...)
	b := decodeBatch(testDecoders(t, 2), msgs, make([]store.Record, len(msgs)))
	var ids []string
	for _, r := range b.Records {
		ids = append(ids, r.Event.ID)
		if strings.Contains(string(r.Event.Raw), key) {
			t.Fatalf("record %s keeps the key: %s", r.Event.ID, r.Event.Raw)
		}
	}
	if fmt.Sprint(ids) != "[c1 c3 e-0 e-1 e-2 e-3]" {
		t.Fatalf("records %v", ids)
	}
	if b.Skipped != 1 || len(b.Rejects) != 1 {
		t.Fatalf("skipped %d, rejects %+v", b.Skipped, b.Rejects)
	}
	rj := b.Rejects[0]
	if !strings.HasPrefix(rj.Err.Field, "logEvents[1].message.") || rj.Msg.Offset != 7 {
		t.Fatalf("reject %+v at %d", rj.Err, rj.Msg.Offset)
	}
	if !json.Valid(rj.Msg.Value) || strings.Contains(string(rj.Msg.Value), key) {
		t.Fatalf("dead letter is not the scrubbed JSON: %q", rj.Msg.Value)
	}
}
