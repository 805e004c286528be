package console

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// TestTicketsAreSingleUse: a ticket signs in once, within 15 minutes.
func TestTicketsAreSingleUse(t *testing.T) {
	clk := &testClock{t: now}
	tk := newTickets(clk.Now)
	once, err := tk.mint(ann)
	require.NoError(t, err)
	late, err := tk.mint(ann)
	require.NoError(t, err)
	u, ok := tk.redeem(once)
	require.True(t, ok)
	require.Equal(t, ann, u)
	_, ok = tk.redeem(once)
	require.False(t, ok, "a second use")
	clk.advance(15 * time.Minute)
	_, ok = tk.redeem(late)
	require.False(t, ok, "15 minutes later")
	for _, forged := range []string{"", "x", late + "x", once[:42]} {
		_, ok = tk.redeem(forged)
		require.False(t, ok, forged)
	}
	for range maxTickets + 5 {
		_, err := tk.mint(ann)
		require.NoError(t, err)
	}
	require.Len(t, tk.pending, maxTickets, "bounded")
}
