package detect_test

import (
	"slices"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/event"
)

// TestRepersistenceAfterAWhoami: after alice's token is revoked, a new
// token created from a network she never used is re-persistence, also when
// the same hands first checked the session from there (a whoami, seconds or
// an hour before), whichever old token the revocation named; from a network
// she has used for a day or more it is not.
func TestRepersistenceAfterAWhoami(t *testing.T) {
	for _, c := range []struct {
		name    string
		asn     uint32
		prelude time.Duration // a use from asn this long before the new token (0: none)
		fires   bool
	}{
		{"no whoami", 9009, 0, true},
		{"a whoami seconds before", 9009, 20 * time.Second, true},
		{"an hour of recon before", 14061, time.Hour, true},
		{"home network", 3320, 0, false},
		{"a network used since the day before", 16509, 30 * time.Hour, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			revoke := use("revoke", "old", t0.Add(10*24*time.Hour), 3320, "DE", 52.5, 13.4)
			revoke.Action = "token.revoke"
			again := use("again", "new2", revoke.Time.Add(2*time.Hour), c.asn, "RO", 44.4, 26.1)
			again.Action = "token.create"
			evs := append(history("old"), revoke)
			if c.prelude > 0 {
				evs = append(evs, use("whoami", "stolen-session", again.Time.Add(-c.prelude), c.asn, "RO", 44.4, 26.1))
			}
			got := rulesOf(run(t, newEngine(t), append(evs, again)))
			require.Equal(t, c.fires, got["repersistence"] != nil)
		})
	}
}

// TestRepersistenceOnTheRoad: a user who reached a network hours ago (a
// hotel, a phone), revokes a token from it and makes a new one there is
// rotating, not re-persisting; a revocation from home, or from a server first
// used after it, followed by a new token from that server still alerts.
func TestRepersistenceOnTheRoad(t *testing.T) {
	for _, c := range []struct {
		name      string
		arrived   time.Duration // first use of the new network, before the revocation (negative: after)
		revokeASN uint32        // 0: the new network
		after     time.Duration // the new token, after the revocation
		fires     bool
	}{
		{"hotel since the morning, token minutes later", 3 * time.Hour, 0, 20 * time.Minute, false},
		{"phone since the evening before, token hours later", 20 * time.Hour, 0, 9 * time.Hour, false},
		{"revoked from home, token from the new network", 3 * time.Hour, 3320, 20 * time.Minute, true},
		{"server first used after the revocation", -10 * time.Minute, 0, 40 * time.Minute, true},
		{"server first used minutes before the revocation", 5 * time.Minute, 0, 2 * time.Hour, true},
	} {
		t.Run(c.name, func(t *testing.T) {
			at := t0.Add(12 * 24 * time.Hour)
			network, revokeASN := uint32(20057), c.revokeASN
			if revokeASN == 0 {
				revokeASN = network
			}
			arrive := use("arrive", "old", at.Add(-c.arrived), network, "US", 40.7, -74.0)
			revoke := use("revoke", "old", at, revokeASN, "US", 40.7, -74.0)
			revoke.Action = "token.revoke"
			again := use("again", "new", at.Add(c.after), network, "US", 40.7, -74.0)
			again.Action = "token.create"
			evs := append(history("old"), arrive, revoke)
			slices.SortStableFunc(evs, func(a, b event.Event) int { return a.Time.Compare(b.Time) })
			got := rulesOf(run(t, newEngine(t), append(evs, again)))
			require.Equal(t, c.fires, got["repersistence"] != nil)
		})
	}
}
