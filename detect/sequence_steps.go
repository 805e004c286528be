package detect

import (
	"slices"
	"strings"
	"time"

	"github.com/credwatch/credwatch/event"
)

// credSequence holds a credential's armed first steps.
type credSequence struct{ leak, minted, scopes, revoked *mark }

func (s *credSequence) observe(ev *event.Event, prevScopes []string) {
	if ev.Action == "token.leak_reported" {
		if at := leakTime(ev); reportArms(ev) && (s.leak == nil || !at.Before(s.leak.at)) {
			s.leak = markOf(ev, ev.Token.ID) // armed from the leak, which the report may name
			s.leak.at = at
		}
		return
	}
	if ev.Outcome != "success" {
		return
	}
	switch ev.Action {
	case "token.create":
		s.minted = s.minted.newer(ev, ev.Token.ID)
	case "token.revoke":
		s.revoked = s.revoked.newer(ev, ev.Token.ID)
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
	f.CredentialRevoked = s.revoked.step(at, credRevokedHorizon)
}

// reportArms reports whether a leak report arms the leak: unless it says it
// failed. A report is a finding about the credential, not an attempt that
// may not have taken effect, and its vendors (secret scanning, a scanner's
// webhook) often carry no outcome: "unknown" arms. The other first steps
// (token.create, token.update_scopes, token.revoke, space.duplicate) arm on
// success only: an "unknown" one may not have happened — no token minted,
// no scope added, nothing revoked or copied — and their second steps (a
// use, a new token, a secret read) are everyday events, so arming on a
// step that may not have happened would raise on ordinary traffic.
func reportArms(ev *event.Event) bool { return ev.Outcome != "failure" }

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
	if d := s.duplicated; d != nil && sameTenant(d.tenant, ev.Tenant) {
		f.Duplicated = d.step(ev.Time, duplicateHorizon)
	}
}

// sameTenant compares tenant names without case, as the rules do (see
// cross_tenant_private's member): vendors spell one tenant "Acme" in one
// field and "acme" in another.
func sameTenant(a, b string) bool { return strings.EqualFold(a, b) }
