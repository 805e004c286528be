package audit

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/stretchr/testify/require"
)

// TestHashIsUnambiguous: entries whose fields concatenate to the same
// bytes hash differently, and every hashed field counts.
func TestHashIsUnambiguous(t *testing.T) {
	base := Entry{Seq: 7, At: t0.Truncate(time.Second), Actor: "ana", Role: "analyst", Action: "alert.ack",
		Tenant: "acme", Target: "alert-1", Detail: `{}`, PrevHash: GenesisHash}
	shifted := base
	shifted.Actor, shifted.Role = "anaan", "alyst" // "ana"+"analyst" == "anaan"+"alyst"
	require.Equal(t, base.Actor+base.Role, shifted.Actor+shifted.Role)
	require.NotEqual(t, hashOf(base), hashOf(shifted))

	moved := base
	moved.Tenant, moved.Target = "", "acmealert-1"
	require.NotEqual(t, hashOf(base), hashOf(moved))

	seen := map[string]string{hashOf(base): "base"}
	for name, change := range map[string]func(*Entry){
		"seq":       func(e *Entry) { e.Seq++ },
		"at":        func(e *Entry) { e.At = e.At.Add(time.Second) },
		"actor":     func(e *Entry) { e.Actor = "bob" },
		"role":      func(e *Entry) { e.Role = "admin" },
		"action":    func(e *Entry) { e.Action = "alert.close" },
		"tenant":    func(e *Entry) { e.Tenant = "other" },
		"target":    func(e *Entry) { e.Target = "alert-2" },
		"detail":    func(e *Entry) { e.Detail = `{"x":1}` },
		"prev_hash": func(e *Entry) { e.PrevHash = strings.Repeat("1", 64) },
	} {
		e := base
		change(&e)
		h := hashOf(e)
		require.NotContains(t, seen, h, "changing %s collides with %s", name, seen[h])
		seen[h] = name
	}
	withHash := base
	withHash.Hash = "anything"
	require.Equal(t, hashOf(base), hashOf(withHash), "the hash is not over itself")
	require.Len(t, hashOf(base), 64)
}

// TestHashIgnoresSubSecondAndZone: the hash is over what the DateTime
// column stores, whole seconds, in any location.
func TestHashIgnoresSubSecondAndZone(t *testing.T) {
	a := Entry{Seq: 1, At: t0.Truncate(time.Second), Action: "login", PrevHash: GenesisHash}
	b := a
	b.At = a.At.In(time.FixedZone("X", 3600))
	require.Equal(t, hashOf(a), hashOf(b))
}

// TestTruncateKeepsWholeCharacters: a cut never splits a UTF-8 character.
func TestTruncateKeepsWholeCharacters(t *testing.T) {
	s := strings.Repeat("é", MaxDetail) // 2 bytes each
	cut := truncate(s, MaxDetail)
	require.Len(t, cut, MaxDetail)
	require.True(t, utf8.ValidString(cut))
	cut = truncate("a"+s, MaxDetail)
	require.Len(t, cut, MaxDetail-1)
	require.True(t, utf8.ValidString(cut))
	require.Equal(t, "short", truncate("short", MaxDetail))
}

// TestClipBoundsCharacters: event values are valid UTF-8 within the limit.
func TestClipBoundsCharacters(t *testing.T) {
	require.Equal(t, "ab", clip("abc", 2))
	require.Equal(t, "éé", clip("ééé", 2))
	require.Equal(t, "a\uFFFDb", clip("a\xffb", 10))
}
