package ingest

import (
	"strconv"

	"github.com/segmentio/kafka-go"
)

// Dead-letter message headers.
const (
	HeaderReason    = "credwatch.reason"
	HeaderField     = "credwatch.field"
	HeaderError     = "credwatch.error"
	HeaderTopic     = "credwatch.original.topic"
	HeaderPartition = "credwatch.original.partition"
	HeaderOffset    = "credwatch.original.offset"
	HeaderTruncated = "credwatch.truncated"
)

// maxDeadLetterValue keeps a dead letter under Kafka's default message limit.
const maxDeadLetterValue = 512 << 10

// deadLetters turns rejects into dead-letter messages: the scrubbed original
// value and key, and headers with the reason and the original position.
func deadLetters(topic string, rejects []Reject) []kafka.Message {
	out := make([]kafka.Message, len(rejects))
	for i, r := range rejects {
		m := r.Msg
		headers := []kafka.Header{
			{Key: HeaderReason, Value: []byte(r.Err.Reason)},
			{Key: HeaderField, Value: []byte(r.Err.Field)},
			{Key: HeaderError, Value: []byte(r.Err.Error())},
			{Key: HeaderTopic, Value: []byte(m.Topic)},
			{Key: HeaderPartition, Value: []byte(strconv.Itoa(m.Partition))},
			{Key: HeaderOffset, Value: []byte(strconv.FormatInt(m.Offset, 10))},
		}
		value := m.Value
		if len(value) > maxDeadLetterValue {
			value = value[:maxDeadLetterValue]
			headers = append(headers, kafka.Header{Key: HeaderTruncated, Value: []byte("true")})
		}
		out[i] = kafka.Message{Topic: topic, Key: m.Key, Value: value, Headers: headers}
	}
	return out
}
