package live

import (
	"github.com/segmentio/kafka-go"

	"github.com/credwatch/credwatch/event"
	"github.com/credwatch/credwatch/ingest/decode"
	"github.com/credwatch/credwatch/internal/kafkatopic"
)

// decodeMessage reads m: an event's wire form when its header says so and
// the topic is credwatch's own (trusted: the re-key stage's output, or
// ingest's with --publish-topic, decoded, validated and scrubbed once,
// upstream), else what dec decodes.
func decodeMessage(dec *decode.Decoder, m *kafka.Message, topic string, trusted bool) ([]event.Event, error) {
	if !trusted || !kafkatopic.IsWire(m.Headers) {
		return dec.DecodeMessage(m.Value, topic)
	}
	return event.DecodeWireMessage(m.Value) // one event, or a frame of them
}
