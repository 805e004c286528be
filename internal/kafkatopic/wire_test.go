package kafkatopic_test

import (
	"testing"

	"github.com/segmentio/kafka-go"
	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/event"
	"github.com/credwatch/credwatch/internal/kafkatopic"
)

// TestIsWire: the header marks wire-form events wherever it stands among
// others; another content type, a look-alike key or no header does not.
func TestIsWire(t *testing.T) {
	trace := kafka.Header{Key: "traceparent", Value: []byte("00-abc-def-01")}
	wire := kafkatopic.WireHeaders()
	for _, c := range []struct {
		headers []kafka.Header
		want    bool
	}{
		{wire, true},
		{append([]kafka.Header{trace}, wire...), true},
		{append(append([]kafka.Header{}, wire...), trace), true},
		{nil, false},
		{[]kafka.Header{trace}, false},
		{[]kafka.Header{{Key: event.WireHeader, Value: []byte("application/json")}}, false},
		{[]kafka.Header{{Key: "Content-Type", Value: []byte(event.WireContentType)}}, false},
		{[]kafka.Header{{Key: event.WireHeader, Value: []byte(event.WireContentType + ";v=2")}}, false},
	} {
		require.Equal(t, c.want, kafkatopic.IsWire(c.headers), "%v", c.headers)
	}
	m := kafkatopic.WireMessage(&event.Event{ID: "e1", Actor: event.Actor{ID: "a"}}, event.Event{}.Time)
	require.True(t, kafkatopic.IsWire(m.Headers))
}
