package detect

import (
	"slices"
	"time"

	"github.com/credwatch/credwatch/event"
)

// How long the first step of each sequence stays armed.
const (
	leakHorizon      = 30 * 24 * time.Hour
	mintHorizon      = 30 * time.Minute
	scopesHorizon    = time.Hour
	revokeHorizon    = 24 * time.Hour
	duplicateHorizon = time.Hour
)

// Step is the first step of an ordered pair, as seen from the second.
type Step struct {
	EventID    string   `json:"event_id"`
	MinutesAgo float64  `json:"minutes_ago"`
	ASN        uint32   `json:"asn,omitempty"`
	Subject    string   `json:"subject,omitempty"` // the token or Space the step was about
	Scopes     []string `json:"scopes,omitempty"`  // scopes the step added
}

// SequenceFacts are the armed first steps that precede this event: keyed by
// credential (leak_reported, minted, scopes_added) or by actor (revoked,
// duplicated).
type SequenceFacts struct {
	LeakReported *Step `json:"leak_reported,omitempty"` // token.leak_reported on this credential
	Minted       *Step `json:"minted,omitempty"`        // token.create of this credential
	ScopesAdded  *Step `json:"scopes_added,omitempty"`  // token.update_scopes that widened this credential
	Revoked      *Step `json:"revoked,omitempty"`       // token.revoke by this actor, or of this actor's token by anyone
	Duplicated   *Step `json:"duplicated,omitempty"`    // space.duplicate by this actor of a Space of this event's tenant
}

// mark is a remembered first step.
type mark struct {
	at      time.Time
	eventID string
	asn     uint32
	subject string
	tenant  string
	scopes  []string
}

func (m *mark) step(at time.Time, horizon time.Duration) *Step {
	if m == nil || at.Before(m.at) || at.Sub(m.at) > horizon {
		return nil
	}
	return &Step{EventID: m.eventID, MinutesAgo: round1(at.Sub(m.at).Minutes()), ASN: m.asn,
		Subject: m.subject, Scopes: m.scopes}
}

// stale reports whether ev is older than m: a step delivered late (or
// replayed) never replaces a newer one of its kind, which would disarm it.
func (m *mark) stale(ev *event.Event) bool { return m != nil && ev.Time.Before(m.at) }

// newer is the mark of ev, unless m is a newer step of its kind.
func (m *mark) newer(ev *event.Event, subject string) *mark {
	if m.stale(ev) {
		return m
	}
	return markOf(ev, subject)
}

func markOf(ev *event.Event, subject string) *mark {
	return &mark{at: ev.Time, eventID: ev.ID, asn: ev.Source.ASN, subject: subject, tenant: ev.Tenant}
}

// credSequence holds a credential's armed first steps.
type credSequence struct{ leak, minted, scopes *mark }

func (s *credSequence) observe(ev *event.Event, prevScopes []string) {
	if ev.Outcome != "success" {
		return
	}
	switch ev.Action {
	case "token.leak_reported":
		s.leak = s.leak.newer(ev, ev.Token.ID)
	case "token.create":
		s.minted = s.minted.newer(ev, ev.Token.ID)
	case "token.update_scopes":
		if added := addedScopes(prevScopes, ev.Token.Scopes); len(added) > 0 && !s.scopes.stale(ev) {
			s.scopes = markOf(ev, ev.Token.ID)
			s.scopes.scopes = added
		}
	}
}

func (s *credSequence) facts(at time.Time, f *SequenceFacts) {
	if s == nil {
		return
	}
	f.LeakReported = s.leak.step(at, leakHorizon)
	f.Minted = s.minted.step(at, mintHorizon)
	f.ScopesAdded = s.scopes.step(at, scopesHorizon)
}

// addedScopes are the scopes in next that prev lacks; none when prev is
// unknown (a first sighting is not a widening).
func addedScopes(prev, next []string) []string {
	if prev == nil {
		return nil
	}
	var added []string
	for _, s := range next {
		if !slices.Contains(prev, s) {
			added = append(added, s)
		}
	}
	return added
}

// actorSequence holds an actor's armed first steps.
type actorSequence struct{ revoked, duplicated *mark }

func (s *actorSequence) observe(ev *event.Event) {
	if ev.Outcome != "success" {
		return
	}
	switch ev.Action {
	case "token.revoke":
		s.revoked = s.revoked.newer(ev, ev.Token.ID)
	case "space.duplicate":
		s.duplicated = s.duplicated.newer(ev, ev.Resource.ID)
	}
}

func (s *actorSequence) facts(ev *event.Event, f *SequenceFacts) {
	f.Revoked = s.revoked.step(ev.Time, revokeHorizon)
	if d := s.duplicated; d != nil && d.tenant == ev.Tenant {
		f.Duplicated = d.step(ev.Time, duplicateHorizon)
	}
}
