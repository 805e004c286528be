package detect

import (
	"cmp"
	"hash/maphash"
	"strings"
	"time"

	"github.com/credwatch/credwatch/event"
)

// CrossingFacts are, on a use of a credential in a tenant other than its
// own, how long and how often its principal (the token's owner, else the
// actor) has made that same crossing: a shared-services account that reads
// another account's secret every night has made it for weeks, a thief
// makes it for the first time.
type CrossingFacts struct {
	Days        int `json:"days"`         // distinct days with a successful crossing into this tenant
	HistoryDays int `json:"history_days"` // since the first
	Tenants     int `json:"tenants"`      // distinct tenants the principal crossed into (to maxCrosserTenants)
	// Established: the crossing into this tenant, or the principal's
	// crossings into minWideTenants tenants or more (a platform's own
	// scanner), are older than the learning period and recurred on
	// minCrossingDays days or more within the forget horizon.
	Established bool `json:"established"`
}

// minCrossingDays is how many days a crossing must recur on to be normal;
// minWideTenants how many tenants a principal must cross into for its
// crossings into any tenant of its to be.
const (
	minCrossingDays   = 3
	minWideTenants    = 5
	maxCrosserTenants = 8
)

// crossing is a record of crossings (minutes, as stat.last; days since the
// Unix epoch).
type crossing struct {
	first, last int32
	lastDay     int32
	days        uint16
}

// crossingKeys key a crossing: pair by principal, the credential's tenant
// and the tenant used; principal by the first two; tenant is the tenant
// used (tenants without case, as the rules compare them).
type crossingKeys struct {
	pair, principal uint64
	tenant          uint32
}

// crossingKeysOf are ev's keys; ok is false when it crosses no line.
func (b *Baselines) crossingKeysOf(ev *event.Event) (k crossingKeys, ok bool) {
	owner := cmp.Or(ev.Token.Tenant, ev.Secret.Tenant)
	if owner == "" || ev.Tenant == "" || strings.EqualFold(owner, ev.Tenant) {
		return k, false
	}
	var h, t maphash.Hash
	h.SetSeed(b.seed)
	t.SetSeed(b.seed)
	h.WriteString(cmp.Or(ev.Token.Owner, ev.Actor.ID, ev.Credential()))
	writeLower(&h, owner)
	k.principal = h.Sum64()
	writeLower(&h, ev.Tenant)
	writeLower(&t, ev.Tenant)
	k.pair, k.tenant = h.Sum64(), uint32(t.Sum64())
	return k, true
}

// writeLower writes a separator, then s lower-cased.
func writeLower(h *maphash.Hash, s string) {
	h.WriteByte(0)
	h.WriteString(strings.ToLower(s))
}

// add counts a crossing at t.
func (c *crossing) add(t time.Time) {
	m, day := minuteOf(t), int32(t.Unix()/86400)
	if c.days == 0 {
		*c = crossing{first: m, last: m, lastDay: day, days: 1}
		return
	}
	if day != c.lastDay {
		c.days, c.lastDay = c.days+1, day
	}
	c.first, c.last = min(c.first, m), max(c.last, m)
}

// established reports whether c is older than learning at t and recurred
// on minCrossingDays days or more, the last within forget.
func (c crossing) established(t time.Time, learning, forget time.Duration) bool {
	return c.days >= minCrossingDays && t.Sub(timeOfMinute(c.first)) >= learning && t.Sub(timeOfMinute(c.last)) <= forget
}
