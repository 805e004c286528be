package detect

import (
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
	// A revoked credential stays revoked: any later use is judged for as
	// long as the credential's state lives (the forget horizon's default).
	credRevokedHorizon = 90 * 24 * time.Hour
)

// Step is the first step of an ordered pair, as seen from the second.
type Step struct {
	EventID    string   `json:"event_id"`
	MinutesAgo float64  `json:"minutes_ago"`
	ASN        uint32   `json:"asn,omitempty"`
	Subject    string   `json:"subject,omitempty"` // the token or Space the step was about
	Scopes     []string `json:"scopes,omitempty"`  // scopes the step added
	Actor      string   `json:"actor,omitempty"`   // who took the step, when another principal than this event's
	IP         string   `json:"ip,omitempty"`      // the step's address, when the sequence is about it
}

// SequenceFacts are the armed first steps that precede this event: keyed by
// credential (leak_reported, minted, scopes_added, credential_revoked) or by
// actor (revoked, duplicated); and on a leak report, the credential's uses it follows
// (used_before_report).
type SequenceFacts struct {
	LeakReported *Step `json:"leak_reported,omitempty"` // token.leak_reported on this credential
	Minted       *Step `json:"minted,omitempty"`        // token.create of this credential
	ScopesAdded  *Step `json:"scopes_added,omitempty"`  // token.update_scopes that widened this credential
	// CredentialRevoked is token.revoke of this credential: every later use
	// presents a credential that should be dead.
	CredentialRevoked *Step `json:"credential_revoked,omitempty"`
	Revoked           *Step `json:"revoked,omitempty"`    // token.revoke by this actor, or of this actor's token by anyone
	Duplicated        *Step `json:"duplicated,omitempty"` // space.duplicate by this actor of a Space of this event's tenant
	// InstanceCommanded, on a use of an EC2 instance's credentials: a
	// command run on that instance from this event's network (/24, /64)
	// within 12 hours, by anyone in the tenant (see observeInstanceCommand),
	// when the instance's credentials had not succeeded from that network
	// before the command (see instanceCommanded).
	InstanceCommanded *Step `json:"instance_commanded,omitempty"`
	// UsedBeforeReport, on a leak report: uses since the leak that arrived
	// before the report.
	UsedBeforeReport *UsedBeforeReport `json:"used_before_report,omitempty"`
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
	if !m.covers(at, horizon) {
		return nil
	}
	return &Step{EventID: m.eventID, MinutesAgo: round1(at.Sub(m.at).Minutes()), ASN: m.asn,
		Subject: m.subject, Scopes: m.scopes}
}

// covers reports whether a second step at the time at follows m within
// horizon: m is armed for it.
func (m *mark) covers(at time.Time, horizon time.Duration) bool {
	return m != nil && follows(m.at, at, horizon)
}

// follows reports whether at is at first or at most horizon after it.
func follows(first, at time.Time, horizon time.Duration) bool {
	return !at.Before(first) && at.Sub(first) <= horizon
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
