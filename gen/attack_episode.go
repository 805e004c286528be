package gen

import (
	"cmp"
	"fmt"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/credwatch/credwatch/event"
)

// DefaultAttackAt is when an attack strikes unless told otherwise: 10
// simulated days after the stream starts, once detection baselines have left
// their 7-day learning period.
const DefaultAttackAt = 10 * 24 * time.Hour

// Attack is a scenario that plays once per stream: an Episode of warm-up
// history followed by the attack, all planned when the stream starts. Its
// actors, tokens and Spaces are its own — benign traffic never picks them —
// so nothing else spoils the pattern it shows.
type Attack interface {
	Scenario
	// Rule is the id of the detection rule meant to catch the attack.
	Rule() string
	// Episode plans the episode in world w from w.Start on, drawing from rng.
	Episode(w *World, rng *rand.Rand) Episode
}

// Episode is one play of an attack: its events in time order, each with an
// id, and the ids of the attack's events (the others are warm-up history).
type Episode struct {
	Events    []event.Event
	AttackIDs []string
}

// planOnce is an attack's Plan: the whole episode in the window where the
// stream starts, nothing in later windows. (A live generator whose first At
// is over a day past Config.Start skips that window, and the attack.)
func planOnce(a Attack, w *World, rng *rand.Rand, start, end time.Time) []event.Event {
	if w.Start.Before(start) || !w.Start.Before(end) {
		return nil
	}
	return a.Episode(w, rng).Events
}

// EpisodeOf is the episode the attack scenario called name (looked up in
// cfg.Registry) plays in the stream of cfg: the same events with the same ids
// that Next mixes into the traffic of the same Seed, Tenants and Start.
func EpisodeOf(cfg Config, name string) (Episode, error) {
	return episodeOf[Attack](cfg, name, "an attack")
}

// episodeOf is the episode of the scenario called name, which must be a T.
func episodeOf[T interface {
	Episode(*World, *rand.Rand) Episode
}](cfg Config, name, kind string) (Episode, error) {
	cfg, err := cfg.withDefaults()
	if err != nil {
		return Episode{}, err
	}
	s, ok := cfg.Registry.Get(name)
	if !ok {
		return Episode{}, fmt.Errorf("gen: unknown scenario %q; known: %s", name, strings.Join(cfg.Registry.Names(), ", "))
	}
	a, ok := s.(T)
	if !ok {
		return Episode{}, fmt.Errorf("gen: scenario %q is not %s", name, kind)
	}
	w := NewWorld(cfg.Seed, cfg.Tenants, cfg.Start)
	return a.Episode(w, rand.New(rand.NewPCG(cfg.Seed, nameKey(name)))), nil
}

// episode collects an attack's events while it is planned.
type episode struct {
	w      *World
	rng    *rand.Rand
	key    string    // prefix of the episode's event ids
	at     time.Time // when the attack starts
	events []event.Event
	attack []bool
}

// newEpisode starts an episode in w whose attack starts at (default
// DefaultAttackAt) after the stream start.
func newEpisode(w *World, rng *rand.Rand, at time.Duration) *episode {
	if at <= 0 {
		at = DefaultAttackAt
	}
	return &episode{w: w, rng: rng, key: HexID(rng, "e"), at: w.Start.Add(at)}
}

// history adds warm-up events.
func (e *episode) history(evs ...event.Event) { e.add(false, evs) }

// strike adds the attack's events.
func (e *episode) strike(evs ...event.Event) { e.add(true, evs) }

// add adds evs, marked as the attack's or not.
func (e *episode) add(attack bool, evs []event.Event) {
	for _, ev := range evs {
		e.events = append(e.events, ev)
		e.attack = append(e.attack, attack)
	}
}

// done is the episode: events in time order, to the millisecond, with a
// default outcome and ids "<key>-<n>" in that order.
func (e *episode) done() Episode {
	order := make([]int, len(e.events))
	for i := range order {
		order[i] = i
		e.events[i].Time = e.events[i].Time.UTC().Truncate(time.Millisecond)
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(e.events[a].Time.UnixNano(), e.events[b].Time.UnixNano()) })
	var ep Episode
	for n, i := range order {
		ev := e.events[i]
		ev.ID = e.key + "-" + strconv.Itoa(n+1)
		if ev.Outcome == "" {
			ev.Outcome = "success"
		}
		ep.Events = append(ep.Events, ev)
		if e.attack[i] {
			ep.AttackIDs = append(ep.AttackIDs, ev.ID)
		}
	}
	return ep
}
