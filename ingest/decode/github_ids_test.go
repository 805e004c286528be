package decode_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/event"
)

// GitHub ids given as numbers (token_id, actor_id, number) were kept as
// written: 51111.0 or 5.1111e4 named another token than 51111, and a
// 10,000-digit number passed every length limit. A whole number is its
// integer's digits; a fraction, a negative number, one past 2^53 (where
// floats skip integers) or too long a literal is blanked with a warning.
func TestGitHubNumericIDs(t *testing.T) {
	for _, lit := range []string{"51111", "51111.0", "5.1111e4", "511110e-1", "51111.000"} {
		ev := decodeOK(t, newDecoder(t), ghEntry(`,"token_id":`+lit+`,"actor_id":`+lit))
		require.Equal(t, "github_token:51111", ev.Token.ID, lit)
		require.Equal(t, "51111", ev.Attrs["github.actor_id"], lit)
		require.Empty(t, ev.Warnings, lit)
	}
	big := "12345678901234567890123" // digits as written: exact at any size that fits
	ev := decodeOK(t, newDecoder(t), ghEntry(`,"token_id":`+big))
	require.Equal(t, "github_token:"+big, ev.Token.ID)
	for _, lit := range []string{"-0", "0.0", "0e5"} {
		ev := decodeOK(t, newDecoder(t), ghEntry(`,"token_id":`+lit))
		require.Empty(t, ev.Token, "%s is none", lit)
	}
	for lit, reason := range map[string]string{"1.5": "invalid_value", "-7": "invalid_value", "1e300": "invalid_value",
		"9.1e15": "invalid_value", strings.Repeat("7", 10000): "too_long"} {
		ev := decodeOK(t, newDecoder(t), ghEntry(`,"token_id":`+lit+`,"actor_id":`+lit))
		require.Equal(t, event.Token{}, ev.Token, lit[:min(len(lit), 8)])
		require.Empty(t, ev.Attrs["github.actor_id"], lit[:min(len(lit), 8)])
		require.Equal(t, []string{"token_id:" + reason, "actor_id:" + reason}, ev.Warnings, lit[:min(len(lit), 8)])
	}
}
