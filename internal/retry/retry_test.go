package retry

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/health"
	"github.com/credwatch/credwatch/internal/clock"
)

type permanentErr struct{}

func (permanentErr) Error() string   { return "malformed alert" }
func (permanentErr) Permanent() bool { return true }

func TestRetrierStopsAtPermanentErrors(t *testing.T) {
	clk := clock.NewStep(time.Unix(0, 0))
	retries := 0
	r := Retrier{Clock: clk, Health: health.New(clk.Now), Log: slog.New(slog.NewTextHandler(io.Discard, nil)),
		Max: time.Second, OnRetry: func(string) { retries++ }}
	calls := 0
	err := r.Do(context.Background(), "alert_writer", 0, func(context.Context) error {
		calls++
		if calls < 3 {
			return errors.New("unavailable")
		}
		return permanentErr{}
	})
	require.True(t, IsPermanent(err))
	require.Equal(t, 3, calls)
	require.Equal(t, 2, retries)
	require.False(t, r.Health.Healthy())
}
