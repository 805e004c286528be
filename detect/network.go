package detect

import (
	"sync"
	"time"

	"github.com/credwatch/credwatch/event"
)

// maxNetworkActors caps the actors counted per ASN: beyond it a network is
// simply common.
const maxNetworkActors = 100

// Networks counts, per ASN, the distinct actors that succeeded from it (up
// to maxNetworkActors): a consumer ISP or VPN many users share is common, an
// attacker's rented server is not. With it, each tenant's networks and
// since when the detector watched (see network_tenants.go). These are the
// facts no partition key keeps whole, so a live detector shares one Networks
// between its partition engines and its warm start fills it from every
// partition's history. Safe for concurrent use.
type Networks struct {
	mu      sync.RWMutex
	asns    map[uint32]map[string]struct{}
	tenants map[string]*tenantNets
	started time.Time
}

// NewNetworks returns an empty table.
func NewNetworks() *Networks {
	return &Networks{asns: map[uint32]map[string]struct{}{}, tenants: map[string]*tenantNets{}}
}

// Actors is how many distinct actors succeeded from asn, capped.
func (n *Networks) Actors(asn uint32) int {
	n.mu.RLock()
	defer n.mu.RUnlock()
	return len(n.asns[asn])
}

// Observe counts ev's actor for its ASN when ev is a success from outside
// the platform, and learns the watch start and ev's tenant network.
func (n *Networks) Observe(ev *event.Event) {
	keyNetwork(ev)
	n.observeWatch(ev)
	if ev.Outcome != "success" || ev.Source.ASN == 0 || ev.Source.Internal || ev.Actor.ID == "" ||
		ev.Action == "token.leak_reported" {
		return
	}
	if n.counted(ev.Source.ASN, ev.Actor.ID) {
		return
	}
	n.mu.Lock()
	defer n.mu.Unlock()
	actors := n.asns[ev.Source.ASN]
	if actors == nil {
		actors = map[string]struct{}{}
		n.asns[ev.Source.ASN] = actors
	}
	if len(actors) < maxNetworkActors {
		actors[ev.Actor.ID] = struct{}{}
	}
}

// counted reports, under the read lock, whether actor is already counted
// for asn or the ASN is full: the common case takes no write lock.
func (n *Networks) counted(asn uint32, actor string) bool {
	n.mu.RLock()
	defer n.mu.RUnlock()
	actors := n.asns[asn]
	_, ok := actors[actor]
	return ok || len(actors) >= maxNetworkActors
}
