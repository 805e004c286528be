package delivery

import (
	"math"
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

func TestBackoffGrowsWithEqualJitterUpToMax(t *testing.T) {
	low := Backoff{Base: time.Second, Max: time.Minute, Rand: func() float64 { return 0 }}
	high := low
	high.Rand = func() float64 { return 0.999999 }
	for attempt, step := range map[int]time.Duration{1: time.Second, 2: 2 * time.Second, 3: 4 * time.Second,
		6: 32 * time.Second, 7: time.Minute, 50: time.Minute, math.MaxInt: time.Minute} {
		require.Equal(t, step/2, low.Delay(attempt, 0), "attempt %d, least jitter", attempt)
		d := high.Delay(attempt, 0)
		require.LessOrEqual(t, d, step, "attempt %d, most jitter", attempt)
		require.Greater(t, d, step*99/100, "attempt %d, most jitter", attempt)
	}
}

func TestBackoffNeverShorterThanRetryAfter(t *testing.T) {
	b := Backoff{Base: time.Second, Max: 10 * time.Second, Rand: func() float64 { return 0.5 }}
	require.Equal(t, 2*time.Minute, b.Delay(1, 2*time.Minute))
	require.Equal(t, 750*time.Millisecond, b.Delay(1, 100*time.Millisecond))
}

func TestBackoffDefaultsAndHugeMax(t *testing.T) {
	d := Backoff{}.Delay(3, 0)
	require.GreaterOrEqual(t, d, 2*DefaultBackoffBase)
	require.LessOrEqual(t, d, 4*DefaultBackoffBase)
	huge := Backoff{Base: time.Nanosecond, Max: math.MaxInt64, Rand: func() float64 { return 1 }}
	require.Positive(t, huge.Delay(10_000, 0), "no overflow")
	require.Equal(t, time.Duration(math.MaxInt64), huge.Delay(10_000, 0))
}

func TestParseRetryAfter(t *testing.T) {
	now := epoch()
	for in, want := range map[string]time.Duration{
		"":                        0,
		"0":                       0,
		" 7 ":                     7 * time.Second,
		"3599":                    3599 * time.Second,
		"3600":                    MaxRetryAfter,
		"99999999999999999999999": MaxRetryAfter,
		"-5":                      0,
		"1.5":                     0,
		"soon":                    0,
		now.Add(30 * time.Second).Format(http.TimeFormat): 30 * time.Second,
		now.Add(-time.Hour).Format(http.TimeFormat):       0,
		now.Add(2 * time.Hour).Format(http.TimeFormat):    MaxRetryAfter,
		now.Add(time.Minute).Format(time.RFC850):          time.Minute,
		now.Add(time.Minute).Format(time.ANSIC):           time.Minute,
	} {
		require.Equal(t, want, parseRetryAfter(in, now), "%q", in)
	}
}
