package detect

import (
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/event"
)

// TestSeenIDsStayBounded: a burst of distinct events within one minute
// never holds more than maxSeenIDs ids, and the newest is still known.
func TestSeenIDsStayBounded(t *testing.T) {
	b := NewBaselines(BaselineConfig{})
	at := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
	ev := event.Event{Tenant: "acme", Time: at}
	for i := range maxSeenIDs + 1000 {
		ev.ID = strconv.Itoa(i)
		require.False(t, b.replayed(&ev))
		if len(b.seen.ids) > maxSeenIDs {
			t.Fatalf("%d ids held after %d events", len(b.seen.ids), i+1)
		}
	}
	require.True(t, b.replayed(&ev), "the newest id is known")
	ev.Time = at.Add(time.Second)
	require.False(t, b.replayed(&ev), "the same id at another time is another event")
}
