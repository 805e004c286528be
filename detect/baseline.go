package detect

import (
	"cmp"
	"hash/maphash"
	"slices"
	"strings"
	"time"

	"github.com/credwatch/credwatch/event"
)

// BaselineConfig tunes the baselines; zero fields take their defaults.
type BaselineConfig struct {
	Learning time.Duration // first-seen facts stay quiet this long after a credential appears (7d)
	Forget   time.Duration // a value unseen this long is new again (90d)
	Lateness time.Duration // events older than the newest minus this are late (2m)
	Window   time.Duration // rate and distinct-count window (10m)
	// Networks is the actors-per-ASN table; nil: the baselines keep their
	// own. A live detector shares one between its partitions' engines.
	Networks *Networks
}

func (c BaselineConfig) withDefaults() BaselineConfig {
	c.Learning = orDuration(c.Learning, 7*24*time.Hour)
	c.Forget = orDuration(c.Forget, 90*24*time.Hour)
	c.Lateness = orDuration(c.Lateness, 2*time.Minute)
	c.Window = orDuration(c.Window, 10*time.Minute)
	return c
}

// Baselines keeps what each credential, actor and workload normally looks
// like, learned in event time. Not safe for concurrent use (one per partition).
type Baselines struct {
	cfg          BaselineConfig
	creds        map[uint64]*profile // by credKey
	actors       map[string]*actorProfile
	workloads    map[string]*buildHistory
	tombs        map[uint64]tomb                // forgotten credentials' uses, by credKey
	crossings    map[uint64]crossing            // by crossingKeys.pair
	crossers     map[uint64]*crosser            // by crossingKeys.principal
	instanceNets map[instanceOn]instanceNetwork // each EC2 instance's own networks
	seen         seenIDs                        // the ids judged lately
	swept        time.Time
	networks     *Networks // shared with the other partitions' engines when given
	newest       time.Time // the watermark is newest - cfg.Lateness
	late         int
	seed         maphash.Seed // for the windows' resource keys
}

// NewBaselines returns empty baselines.
func NewBaselines(cfg BaselineConfig) *Baselines {
	return &Baselines{cfg: cfg.withDefaults(), creds: map[uint64]*profile{},
		actors: map[string]*actorProfile{}, workloads: map[string]*buildHistory{}, tombs: map[uint64]tomb{},
		crossings: map[uint64]crossing{}, crossers: map[uint64]*crosser{}, instanceNets: map[instanceOn]instanceNetwork{},
		networks: cmp.Or(cfg.Networks, NewNetworks()), seed: maphash.MakeSeed()}
}

// Late is how many events arrived behind the watermark. They were judged
// and learned from like any other; windows count them if still open.
func (b *Baselines) Late() int { return b.late }

// useActions are the actions that use a credential; the rest (create,
// update_scopes, revoke, leak_reported) act on it and feed sequences only.
var useActions = []string{"token.use", "secret.read", "secret.list"}

// Observe learns from ev after it was judged.
func (b *Baselines) Observe(ev *event.Event) {
	if ev.Time.After(b.newest) {
		b.newest = ev.Time
	}
	b.maybeSweep()
	key := resourceKey(b.seed, ev)
	if cred := ev.Credential(); cred != "" {
		ck := b.credKey(cred)
		p := b.creds[ck]
		if p == nil {
			p = cmp.Or(b.revived(ck), newProfile(ev.Time))
			b.creds[ck] = p
		}
		p.observe(ev, key, b.cfg)
	}
	if ev.Actor.ID != "" && ev.Action != "token.leak_reported" {
		a := b.actors[ev.Actor.ID]
		if a == nil {
			a = &actorProfile{firstSeen: ev.Time}
			b.actors[ev.Actor.ID] = a
		}
		a.observe(ev, key, b.cfg)
	}
	b.observeOwner(ev)
	if slices.Contains(useActions, ev.Action) {
		b.observeCrossing(ev)
	}
	b.observeReach(ev)
	b.observeInstanceNetwork(ev)
	b.networks.Observe(ev)
	if ev.Outcome == "success" && ev.Secret.ID != "" && ev.Secret.Workload != "" {
		b.workload(ev.Secret.Workload).declare(ev.Secret.ID)
	}
	if isBuildRead(ev) {
		b.workload(ev.Workload.ID).observe(ev)
	}
}

// observeOwner arms the owner's revoked step when someone else (the
// security team, an automated responder) revokes the owner's token: the
// thief re-persists with the owner's identity, not the revoker's.
func (b *Baselines) observeOwner(ev *event.Event) {
	owner := ev.Token.Owner
	if ev.Action != "token.revoke" || owner == "" || owner == ev.Actor.ID {
		return
	}
	if o := b.actors[owner]; o != nil {
		o.seq.observe(ev)
	}
}

func (b *Baselines) workload(id string) *buildHistory {
	h := b.workloads[id]
	if h == nil {
		h = &buildHistory{}
		b.workloads[id] = h
	}
	return h
}

// agentFamily is the product token of a user agent ("huggingface_hub/0.26" →
// "huggingface_hub", "Mozilla/5.0 (...)" → "Mozilla").
func agentFamily(ua string) string {
	if i := strings.IndexAny(ua, "/ ("); i >= 0 {
		return ua[:i]
	}
	return ua
}

func maxTime(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}

func orDuration(d, def time.Duration) time.Duration {
	if d > 0 {
		return d
	}
	return def
}

// Credentials is how many credentials the baselines hold.
func (b *Baselines) Credentials() int { return len(b.creds) }
