package receiver

import (
	"bytes"
	"context"
	"testing"
	"time"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/segmentio/kafka-go"
	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/internal/testenv"
)

func TestKafkaEmitterWritesContractV1(t *testing.T) {
	brokers := testenv.Kafka(t, 1, DefaultEventsTopic).ListenAddrs()
	em := NewKafkaEmitter(brokers, DefaultEventsTopic)
	defer em.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	ev := revokeEvent("msg_1", revoke("tok_fp_9f2a").Data, now.Add(1234567*time.Microsecond))
	require.NoError(t, em.Emit(ctx, ev))

	r := kafka.NewReader(kafka.ReaderConfig{Brokers: brokers, Topic: DefaultEventsTopic, Partition: 0, MaxWait: 100 * time.Millisecond})
	defer r.Close()
	msg, err := r.ReadMessage(ctx)
	require.NoError(t, err)
	require.Equal(t, "credwatch-receiver", string(msg.Key))
	require.JSONEq(t, `{"id":"rcv-msg_1","time":"2026-11-22T10:00:01.234Z","action":"token.revoke","outcome":"success",
		"tenant":"acme","actor":{"id":"credwatch-receiver","type":"service"},"token":{"id":"tok_fp_9f2a"},
		"attrs":{"intent_id":"int_tok_fp_9f2a","rule":"leaked_token_used"}}`, string(msg.Value))

	c := jsonschema.NewCompiler()
	c.AssertFormat()
	sch, err := c.Compile("../../docs/event.schema.json")
	require.NoError(t, err)
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(msg.Value))
	require.NoError(t, err)
	require.NoError(t, sch.Validate(doc))
}
