package detect

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// TestNetworkSince: a network's first use is its earliest, a late earlier
// use moves it back, and one forgotten and used again starts anew.
func TestNetworkSince(t *testing.T) {
	at := time.Date(2026, 11, 1, 12, 0, 0, 0, time.UTC)
	var s networkSince
	require.Zero(t, s.hours(7, at))
	s.note(7, at, false)
	s.note(9, at.Add(time.Hour), false)
	require.Equal(t, 30, s.hours(7, at.Add(30*time.Hour)))
	s.note(7, at.Add(40*time.Hour), true)
	require.Equal(t, 50, s.hours(7, at.Add(50*time.Hour)), "a later use keeps the first")
	s.note(7, at.Add(-5*time.Hour), true)
	require.Equal(t, 55, s.hours(7, at.Add(50*time.Hour)), "a late earlier use moves it back")
	s.note(7, at.Add(200*24*time.Hour), false)
	require.Equal(t, 2, s.hours(7, at.Add(200*24*time.Hour+2*time.Hour)), "forgotten, then back: anew")
	require.Zero(t, s.hours(9, at), "first used after the event")
	require.Equal(t, 1, s.hours(9, at.Add(2*time.Hour)))
}
