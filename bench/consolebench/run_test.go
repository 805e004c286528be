package consolebench

import (
	"bytes"
	"context"
	"log/slog"
	"regexp"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/internal/testenv"
)

// TestRunPrintsEveryQuery runs the figures over a small history: every
// query answers 200 with data, and the table has a row for each.
func TestRunPrintsEveryQuery(t *testing.T) {
	testenv.ClickHouseBinary(t)
	var out bytes.Buffer
	end := time.Date(2026, 12, 1, 12, 0, 0, 0, time.UTC)
	err := Run(context.Background(), Config{Dir: t.TempDir(), Shape: DefaultShape(20_000, end), Requests: 3,
		Goal: 200 * time.Millisecond, Pause: func() {}}, &out, slog.New(slog.DiscardHandler))
	require.NoError(t, err, out.String())
	rows := regexp.MustCompile(`(?m)^([a-z' -]+): .* 3 +[0-9.]+ +[0-9.]+ +([0-9.]+) +[0-9.]+$`).FindAllStringSubmatch(out.String(), -1)
	require.Len(t, rows, len(queries(DefaultShape(1, end), nil)), out.String())
	for _, r := range rows {
		require.NotEqual(t, "0.0", r[2], "an empty answer: %s", r[0])
	}
	require.Contains(t, out.String(), "alert queue and credential timeline: worst p99")
}
