package detect_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"
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
