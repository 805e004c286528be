package gen

import (
	"math/rand/v2"
	"slices"
	"time"

	"github.com/credwatch/credwatch/event"
)

// workingTimes are lo–hi random times a day in u's working hours (in the
// zone of u's home) on each day from from until to, in order.
func workingTimes(rng *rand.Rand, u *User, from, to time.Time, lo, hi int) []time.Time {
	tz := time.Duration(u.Home.TZ) * time.Minute
	open := time.Duration(u.WorkFrom) * time.Hour
	return perDay(rng, from.Add(tz).Truncate(24*time.Hour).Add(-tz+open), to, time.Duration(u.WorkHours)*time.Hour, from, lo, hi)
}

// anyTimes are lo–hi random times a day at any hour from from until to, in order.
func anyTimes(rng *rand.Rand, from, to time.Time, lo, hi int) []time.Time {
	return perDay(rng, from.Truncate(24*time.Hour), to, 24*time.Hour, from, lo, hi)
}

// perDay draws lo–hi times in [open, open+length) of each day from open on,
// keeping those in [from, to), in order.
func perDay(rng *rand.Rand, open, to time.Time, length time.Duration, from time.Time, lo, hi int) []time.Time {
	var out []time.Time
	for ; open.Before(to); open = open.Add(24 * time.Hour) {
		for range lo + rng.IntN(hi-lo+1) {
			if t := within(open, open.Add(length), rng); !t.Before(from) && t.Before(to) {
				out = append(out, t)
			}
		}
	}
	slices.SortFunc(out, time.Time.Compare)
	return out
}

// use is a successful token.use by u with tok from n (client ua) on r at t.
func use(rng *rand.Rand, t time.Time, u *User, tok *Token, n *Net, ua string, r *Repo) event.Event {
	ev := UseEvent(t, u, tok, n, ua, r)
	ev.RequestID = HexID(rng, "req_")
	return ev
}

// ui is action by u in the web UI at t from n with u's browser and session,
// on tenant's resource r.
func ui(rng *rand.Rand, t time.Time, u *User, n *Net, action, tenant string, r event.Resource) event.Event {
	return event.Event{Time: t, Action: action, Outcome: "success", Tenant: tenant, Actor: u.Actor(),
		Token: u.Session.Event(), Resource: r, Source: n.Source(u.Browser), SessionID: u.SessionID,
		RequestID: HexID(rng, "req_")}
}

// routine is u's ordinary use of tok until until: lo–hi requests a day in
// their working hours from the stream start, from home (or their phone), with
// their clients, on their orgs' repos and popular public ones.
func (e *episode) routine(u *User, tok *Token, until time.Time, lo, hi int) {
	for _, t := range workingTimes(e.rng, u, e.w.Start, until, lo, hi) {
		e.history(use(e.rng, t, u, tok, u.NetAt(t, e.rng), u.AgentAt(t, e.rng), e.w.PickRepo(u, e.rng)))
	}
}

// orgWhere is an org of w for which ok holds, drawn by size, else the first
// in rank order, else nil.
func orgWhere(w *World, rng *rand.Rand, ok func(*Org) bool) *Org {
	for range 40 {
		if o := w.PickOrg(rng); ok(o) {
			return o
		}
	}
	if i := slices.IndexFunc(w.Orgs, ok); i >= 0 {
		return w.Orgs[i]
	}
	return nil
}

// privateRepos are o's private models, datasets and Spaces.
func privateRepos(o *Org) []*Repo {
	var out []*Repo
	for _, r := range o.Repos {
		if r.Visibility == "private" {
			out = append(out, r)
		}
	}
	for _, s := range o.Spaces {
		if s.Visibility == "private" {
			out = append(out, &s.Repo)
		}
	}
	return out
}
