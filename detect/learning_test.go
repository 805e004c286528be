package detect_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/detect"
	"github.com/credwatch/credwatch/event"
)

// routine is days of alice's daily uses of token "daily" from her home
// network (AS3320, DE), from t0 on.
func routine(days int) []event.Event {
	var evs []event.Event
	for d := range days {
		evs = append(evs, use(fmt.Sprintf("r%d", d), "daily", t0.Add(time.Duration(d)*24*time.Hour), 3320, "DE", 52.5, 13.4))
	}
	return evs
}

// factsAfter observes evs, then returns ev's facts.
func factsAfter(evs []event.Event, ev event.Event) detect.Facts {
	b := detect.NewBaselines(detect.BaselineConfig{})
	for i := range evs {
		b.Observe(&evs[i])
	}
	return b.Facts(&ev)
}

// TestNeverUsedTokenIsNotLearning: a token never seen before is judged by
// its owner's networks once the engine has watched for the learning period,
// whichever network it comes from and however long after; the engine's own
// first week is learning.
func TestNeverUsedTokenIsNotLearning(t *testing.T) {
	for _, c := range []struct {
		name     string
		days     int
		asn      uint32
		learning bool
		knownASN bool
	}{
		{"first week: the engine is learning", 5, 9009, true, false},
		{"after 8 days, from a hosting provider", 8, 14061, false, false},
		{"after 60 days, from a VPN exit", 60, 9009, false, false},
		{"after 60 days, from the owner's home", 60, 3320, false, true},
	} {
		t.Run(c.name, func(t *testing.T) {
			ev := use("x", "never-used", t0.Add(time.Duration(c.days)*24*time.Hour+time.Hour), c.asn, "NL", 52.3, 4.9)
			f := factsAfter(routine(c.days), ev)
			require.Equal(t, c.learning, f.Learning)
			require.True(t, f.CredentialLearning)
			require.True(t, f.FirstSeen.ASN)
			require.Equal(t, c.knownASN, f.Actor.KnownASN)
			require.Equal(t, c.knownASN, f.Tenant.KnownASN)
		})
	}
}

// TestIdleSinceCreation: a never-used token is idle since it was created,
// as far back as the engine watched.
func TestIdleSinceCreation(t *testing.T) {
	for _, c := range []struct {
		name    string
		created time.Duration // before the first use
		watched int           // days of routine before it
		idle    int
	}{
		{"created within the watch", 30 * 24 * time.Hour, 100, 30},
		{"created before the engine started", 300 * 24 * time.Hour, 100, 100},
		{"unknown creation", 0, 100, 0},
	} {
		t.Run(c.name, func(t *testing.T) {
			at := t0.Add(time.Duration(c.watched) * 24 * time.Hour)
			ev := use("x", "never-used", at, 9009, "NL", 52.3, 4.9)
			if c.created > 0 {
				ev.Token.CreatedAt = at.Add(-c.created)
			}
			require.Equal(t, c.idle, factsAfter(routine(c.watched), ev).IdleDays)
		})
	}
}

// TestRevokedBySomeoneElseArmsTheOwner: the security team or a responder
// revokes alice's token; alice's identity then acting arms repersistence
// whoever revoked, and the revoker's own steps stay armed as before.
func TestRevokedBySomeoneElseArmsTheOwner(t *testing.T) {
	for _, revoker := range []event.Actor{{ID: "soc@acme", Type: "user"}, {ID: "credwatch-receiver", Type: "service"}, {ID: "alice", Type: "user"}} {
		t.Run(revoker.ID, func(t *testing.T) {
			evs := routine(30)
			at := t0.Add(30 * 24 * time.Hour)
			revoke := event.Event{ID: "rev", Time: at, Action: "token.revoke", Outcome: "success", Tenant: "acme",
				Actor: revoker, Token: event.Token{ID: "daily", Owner: "alice", Tenant: "acme"}}
			create := use("new", "tok2", at.Add(20*time.Minute), 9009, "NL", 52.3, 4.9)
			create.Action = "token.create"
			f := factsAfter(append(evs, revoke), create)
			require.NotNil(t, f.Sequence.Revoked, "the owner's next step sees the revocation")
			require.Equal(t, "rev", f.Sequence.Revoked.EventID)
		})
	}
}
