package detect_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/detect"
)

// TestForgottenCredentialWakesDormant: a token used daily for ten days,
// then silent past the forget horizon, is dropped from the baselines; when
// it wakes it is still judged as the dormant token it is — its uses, how
// long it slept, and which of its networks it used before.
func TestForgottenCredentialWakesDormant(t *testing.T) {
	for _, c := range []struct {
		name    string
		asn     uint32
		profile string
	}{
		{"from its old home network", 3320, "FREQUENT"},
		{"from a network it never used", 9009, "UNSEEN"},
	} {
		t.Run(c.name, func(t *testing.T) {
			b := detect.NewBaselines(detect.BaselineConfig{})
			evs := routine(10)
			other := use("other", "someone-else", t0.Add(125*24*time.Hour), 7922, "US", 40, -74)
			for _, ev := range append(evs, other) {
				b.Observe(&ev)
			}
			require.Equal(t, 1, b.Credentials(), "the silent token was dropped")
			wake := use("wake", "daily", t0.Add(130*24*time.Hour), c.asn, "DE", 52.5, 13.4)
			f := b.Facts(&wake)
			require.Equal(t, 10, f.Uses)
			require.Equal(t, 121, f.IdleDays)
			require.Equal(t, c.profile, f.Profile.ASN)
			require.False(t, f.CredentialLearning)
			b.Observe(&wake)
			require.Equal(t, 2, b.Credentials())
		})
	}
}
