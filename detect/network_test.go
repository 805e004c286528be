package detect_test

import (
	"fmt"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/detect"
	"github.com/credwatch/credwatch/event"
)

func TestNetworksCountDistinctActorsOfSuccessesFromOutside(t *testing.T) {
	n := detect.NewNetworks()
	ev := func(actor string, asn uint32) *event.Event {
		return &event.Event{Action: "token.use", Outcome: "success", Actor: event.Actor{ID: actor},
			Source: event.Source{ASN: asn}}
	}
	n.Observe(ev("alice", 7))
	n.Observe(ev("alice", 7))
	n.Observe(ev("bob", 7))
	denied := ev("carol", 7)
	denied.Outcome = "denied"
	n.Observe(denied)
	internal := ev("dave", 7)
	internal.Source.Internal = true
	n.Observe(internal)
	leak := ev("scanner", 7)
	leak.Action = "token.leak_reported"
	n.Observe(leak)
	require.Equal(t, 2, n.Actors(7), "alice and bob; not a denial, a platform-internal use or a leak report")
	require.Zero(t, n.Actors(8))
}

func TestNetworksAreSharedSafelyAndCapped(t *testing.T) {
	n := detect.NewNetworks()
	var wg sync.WaitGroup
	for p := range 4 { // four partitions' engines at once
		wg.Go(func() {
			for i := range 200 {
				n.Observe(&event.Event{Action: "token.use", Outcome: "success",
					Actor: event.Actor{ID: fmt.Sprintf("user-%d-%d", p, i)}, Source: event.Source{ASN: 9}})
				_ = n.Actors(9)
			}
		})
	}
	wg.Wait()
	require.Equal(t, 100, n.Actors(9), "beyond 100 actors a network is simply common")
}
