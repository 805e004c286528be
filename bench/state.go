package bench

import (
	"fmt"
	"runtime"
	"time"

	"github.com/credwatch/credwatch/detect"
	"github.com/credwatch/credwatch/event"
)

// stateResult is what the baselines hold per tracked credential.
type stateResult struct {
	credentials int
	heapBytes   uint64 // live heap the baselines added, after GC
	forgotten   int    // credentials left after the forget horizon passed
}

func (s stateResult) perCredential() float64 { return float64(s.heapBytes) / float64(s.credentials) }

// measureState feeds one engine's baselines n credentials (ten per actor,
// 200 tenants, a few networks and agents each, the shape of a platform's
// token uses), measures the live heap they add, then moves the clock past
// the forget horizon to count what is still held.
func measureState(n int) stateResult {
	b := detect.NewBaselines(detect.BaselineConfig{})
	before := liveHeap()
	start := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	var ev event.Event
	for i := range n {
		for u := range 3 { // three uses: home, home, another network
			stateEvent(&ev, i, u, start.Add(time.Duration(i)*time.Second+time.Duration(u)*time.Hour))
			b.Observe(&ev)
		}
	}
	r := stateResult{credentials: n, heapBytes: liveHeap() - before}
	stateEvent(&ev, n, 0, start.Add(time.Duration(n)*time.Second+400*24*time.Hour))
	b.Observe(&ev)
	r.forgotten = b.Credentials()
	runtime.KeepAlive(b)
	return r
}

func stateEvent(ev *event.Event, i, use int, at time.Time) {
	asn := uint32(3320 + i%50)
	if use == 2 {
		asn = uint32(9000 + i%700)
	}
	*ev = event.Event{ID: fmt.Sprintf("s%d-%d", i, use), Time: at, Action: "token.use", Outcome: "success",
		Tenant: tenantNames[i%len(tenantNames)], Actor: event.Actor{ID: fmt.Sprintf("user%d", i/10), Type: "user"},
		Token: event.Token{ID: fmt.Sprintf("tok_%016x", i), Kind: "fine_grained", Scopes: stateScopes},
		Source: event.Source{ASN: asn, Country: stateCountries[i%len(stateCountries)],
			UserAgent: stateAgents[(i+use)%len(stateAgents)], Lat: 52.5, Lon: 13.4, HasGeo: true}}
}

var (
	tenantNames = func() (t []string) {
		for i := range 200 {
			t = append(t, fmt.Sprintf("org-%d", i))
		}
		return
	}()
	stateCountries = []string{"DE", "US", "FR", "IN", "BR"}
	stateAgents    = []string{"huggingface_hub/0.26.2; python/3.11", "Mozilla/5.0 (X11; Linux x86_64)", "curl/8.5.0"}
	stateScopes    = []string{"repo.content.read", "inference.serverless.write"}
)

// liveHeap is the heap in use after a full collection.
func liveHeap() uint64 {
	runtime.GC()
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc
}
