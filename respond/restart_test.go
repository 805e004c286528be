package respond

import (
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/internal/testenv"
	"github.com/credwatch/credwatch/respond/receiver"
)

// TestRestartMidDelivery: a Responder records six automatic revocations
// of two tenants and starts delivering them; the receiver (a file journal)
// acts on each tenant's first one but never answers, so every lane stalls.
// The Responder is killed (as kill -9: nothing after the outbox write
// reaches it) and the receiver restarted from its journal. A new Responder
// on the same ClickHouse resumes from the outbox in its watch loop: every
// intent is delivered, the receiver acts on each credential once, and the
// two it had already acted on are refused as replays (409), which the
// sender counts as delivered.
func TestRestartMidDelivery(t *testing.T) {
	e := newEnv(t)
	dir := t.TempDir()
	journal := openJournal(t, dir)
	e.rcv.swap(t, journal)
	e.rcv.hang.Store(true)
	g := Guardrails{TenantCap: 50, GlobalCap: 50}
	first := e.responder(t, g, nil)
	tenants := []string{"acme", "globex"}
	for c := range 3 {
		for _, tenant := range tenants {
			kind := []string{kindToken, kindSecret}[c%2]
			first.handle(t, newAlert(t, ruleOffPlatform, tenant, fmt.Sprintf("cred_%d", c), kind))
		}
	}
	testenv.Eventually(t, 10*time.Second, "each tenant's first webhook acted on, its answer held",
		func() bool { return e.rcv.hung.Load() == int64(len(tenants)) })
	first.kill()
	require.Equal(t, map[string]int{StateDelivering: 6}, e.states(t), "durable before the kill")
	require.Len(t, e.rcv.revocations(), len(tenants))

	require.NoError(t, journal.Close())
	e.rcv.swap(t, openJournal(t, dir))
	e.rcv.hang.Store(false)
	second := e.responder(t, g, nil)
	second.startWatch()

	e.waitStates(t, map[string]int{StateDelivered: 6})
	require.Len(t, e.rcv.revocations(), 6, "each credential revoked once")
	require.EqualValues(t, 6, e.rcv.revokes.Load(), "one token.revoke event per credential")
	require.Equal(t, len(tenants), e.rcv.answered(http.StatusConflict), "the replays were refused")
	require.Equal(t, 6-len(tenants), e.rcv.answered(http.StatusOK))
	replayed := 0
	for _, in := range e.intents(t, Filter{}) {
		require.Equal(t, []string{"1 auto credwatch-respond", "2 delivering credwatch-respond",
			"3 delivered credwatch-respond"}, e.history(t, in.ID))
		require.Equal(t, uint32(1), in.Attempt, "the killed process's attempt was never recorded")
		if strings.HasPrefix(in.Detail, "delivered 409 ") {
			replayed++
		}
	}
	require.Equal(t, len(tenants), replayed, "the outbox says which were replays")
	t.Logf("killed with %d webhooks acted on but unanswered and %d queued; after restart: %d revocations, "+
		"%d replays refused with 409", len(tenants), 6-len(tenants), len(e.rcv.revocations()), replayed)
}

// openJournal opens the receiver's file journal in dir.
func openJournal(t *testing.T, dir string) *receiver.FileJournal {
	j, err := receiver.OpenFileJournal(dir, nil)
	require.NoError(t, err)
	t.Cleanup(func() { _ = j.Close() })
	return j
}
