package detect

import (
	"cmp"
	"hash/maphash"
	"slices"
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
	Days        int `json:"days"`         // distinct days with a successful crossing
	HistoryDays int `json:"history_days"` // since the first
	// Established: the crossing is older than the learning period and was
	// made on minCrossingDays days or more within the forget horizon.
	Established bool `json:"established"`
}

// minCrossingDays is how many days a crossing must recur on to be normal.
const minCrossingDays = 3

// crossing is one principal's record of using its tenant's credentials in
// another tenant (minutes, as stat.last; days since the Unix epoch).
type crossing struct {
	first, last int32
	lastDay     int32
	days        uint16
}

// crossingKey keys a crossing by principal, the credential's tenant and
// the tenant used (tenants without case, as the rules compare them); ok is
// false when the event crosses no tenant line.
func (b *Baselines) crossingKey(ev *event.Event) (key uint64, ok bool) {
	owner := cmp.Or(ev.Token.Tenant, ev.Secret.Tenant)
	if owner == "" || ev.Tenant == "" || strings.EqualFold(owner, ev.Tenant) {
		return 0, false
	}
	var h maphash.Hash
	h.SetSeed(b.seed)
	h.WriteString(cmp.Or(ev.Token.Owner, ev.Actor.ID, ev.Credential()))
	for _, s := range []string{owner, ev.Tenant} {
		h.WriteByte(0)
		for i := 0; i < len(s); i++ {
			h.WriteByte(lowerASCII(s[i]))
		}
	}
	return h.Sum64(), true
}

// observeCrossing learns a successful use across tenants of what is
// private there (a private resource, a secret's value) by an actor who is
// not a member of the tenant used. A member's use crosses no line, and a
// public resource is everyone's: learning either would let a thief of the
// token pass as established.
func (b *Baselines) observeCrossing(ev *event.Event) {
	private := ev.Resource.Visibility == "private" || ev.Action == "secret.read"
	if !private || ev.Outcome != "success" || slices.ContainsFunc(ev.Actor.Tenants, func(t string) bool { return sameTenant(t, ev.Tenant) }) {
		return
	}
	key, ok := b.crossingKey(ev)
	if !ok {
		return
	}
	m, day := minuteOf(ev.Time), int32(ev.Time.Unix()/86400)
	c, seen := b.crossings[key]
	if !seen {
		c = crossing{first: m, last: m, lastDay: day, days: 1}
	} else if day != c.lastDay {
		c.days, c.lastDay = c.days+1, day
	}
	c.first, c.last = min(c.first, m), max(c.last, m)
	b.crossings[key] = c
}

// crossingFacts are ev's crossing facts, nil when it crosses no line.
func (b *Baselines) crossingFacts(ev *event.Event) *CrossingFacts {
	key, ok := b.crossingKey(ev)
	if !ok {
		return nil
	}
	c, seen := b.crossings[key]
	if !seen || ev.Time.Sub(timeOfMinute(c.last)) > b.cfg.Forget {
		return &CrossingFacts{}
	}
	since := ev.Time.Sub(timeOfMinute(c.first))
	return &CrossingFacts{Days: int(c.days), HistoryDays: max(int(since/(24*time.Hour)), 0),
		Established: since >= b.cfg.Learning && c.days >= minCrossingDays}
}

// lowerASCII lower-cases an ASCII letter.
func lowerASCII(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}
