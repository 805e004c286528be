package detect_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/event"
)

// TestRuntimeReadOfAnotherWorkloadsSecret: a running Space that reads a
// secret bound to another Space alerts, whoever it reads as, whenever and
// from wherever; its own secrets (in any spelling), an org's secrets and a
// build's reads do not.
func TestRuntimeReadOfAnotherWorkloadsSecret(t *testing.T) {
	for i, c := range []struct {
		reader, owner, phase, build, actor string
		asn                                uint32
		alerts                             bool
	}{
		{"space:acme/chat", "space:acme/billing", "runtime", "bld_1", "space:acme/chat", 14618, true},
		{"space:globex/bot", "space:globex/etl", "", "", "space:globex/bot", 14618, true},
		{"space:acme/chat", "space:initech/vault", "runtime", "", "alice", 9009, true},
		{"space:acme/chat", "space:acme/chat", "runtime", "bld_1", "space:acme/chat", 14618, false},
		{"space:Acme/Chat", "space:acme/chat", "runtime", "bld_2", "space:acme/chat", 14618, false},
		{"space:acme/chat", "", "runtime", "bld_1", "space:acme/chat", 14618, false},
		{"space:acme/chat", "space:acme/billing", "build", "bld_3", "space:acme/chat", 14618, false},
		{"", "space:acme/billing", "", "", "bob", 3320, false},
	} {
		t.Run(fmt.Sprintf("%d-%s-%s", i, c.reader, c.owner), func(t *testing.T) {
			ev := event.Event{ID: fmt.Sprintf("read-%d", i), Time: t0.Add(time.Duration(i*37) * time.Minute),
				Action: "secret.read", Outcome: "success", Tenant: "acme",
				Actor:    event.Actor{ID: c.actor, Type: "space", Tenants: []string{"acme"}},
				Secret:   event.Secret{ID: "sec_9", Tenant: "acme", Workload: c.owner},
				Source:   event.Source{ASN: c.asn, Country: "US", Internal: c.asn == 14618},
				Workload: event.Workload{ID: c.reader, Phase: c.phase, BuildID: c.build}}
			a := rulesOf(run(t, newEngine(t), []event.Event{ev}))["foreign_secret_runtime_read"]
			if !c.alerts {
				require.Nil(t, a)
				return
			}
			require.NotNil(t, a)
			require.Equal(t, []string{ev.ID}, a.EventIDs)
			require.Equal(t, c.owner, a.Explanation.RuleFacts["owner"])
		})
	}
}

// TestBuildReadingItsOwnSecretInAnotherSpelling: a build that reads its own
// secret, its workload spelled with another case, reads nothing foreign.
func TestBuildReadingItsOwnSecretInAnotherSpelling(t *testing.T) {
	for i, spelling := range []string{"space:acme/chat", "SPACE:ACME/CHAT", "space:Acme/Chat"} {
		ev := event.Event{ID: fmt.Sprintf("b-%d", i), Time: t0.Add(time.Duration(i) * time.Hour), Action: "secret.read",
			Outcome: "success", Tenant: "acme", Actor: event.Actor{ID: "build:acme/chat", Type: "build"},
			Secret:   event.Secret{ID: "sec_1", Tenant: "acme", Workload: spelling},
			Workload: event.Workload{ID: "space:acme/chat", Phase: "build", BuildID: fmt.Sprintf("bld_%d", i)}}
		alerts := run(t, newEngine(t), []event.Event{ev})
		require.Empty(t, alerts, spelling)
	}
}
