package gen

import "github.com/credwatch/credwatch/event"

// RevocationLag is a scenario that plays a revocation the platform failed
// to enforce (a token cache or replica that still accepts the token): the
// uses it plans after its own token.revoke keep the outcomes it gave them,
// where the generator would refuse every one (refuseRevoked). Only the
// tokens that scenario revokes are exempt, so it should revoke tokens of its
// own, which benign traffic never presents.
type RevocationLag interface {
	Scenario
	// LagsRevocation reports whether the scenario's revocations lag.
	LagsRevocation() bool
}

// lagsRevocation reports whether s is a RevocationLag whose revocations lag.
func lagsRevocation(s Scenario) bool {
	l, ok := s.(RevocationLag)
	return ok && l.LagsRevocation()
}

// exemptRevocation exempts the token ev revokes from refuseRevoked: ev is
// planned by a scenario whose revocations lag.
func (g *Generator) exemptRevocation(ev *event.Event) {
	if ev.Action != "token.revoke" || ev.Token.ID == "" {
		return
	}
	if g.lagging == nil {
		g.lagging = map[string]bool{}
	}
	g.lagging[ev.Token.ID] = true
}

// refuseRevoked keeps the platform's promise that a revoked token is never
// accepted again. Routines planned ahead (a scenario's user working through
// the day) and benign revocations (a user revoking one of their tokens) are
// drawn apart, so a planned use can follow its token's revocation: the
// platform refuses it (denied), as it would the real client still holding
// the token. A token whose revocation lags (exemptRevocation) is left alone.
func (g *Generator) refuseRevoked(ev *event.Event) {
	if ev.Token.ID == "" || g.lagging[ev.Token.ID] {
		return
	}
	switch {
	case ev.Action == "token.revoke" && ev.Outcome == "success":
		if g.revoked == nil {
			g.revoked = map[string]bool{}
		}
		g.revoked[ev.Token.ID] = true
	case g.revoked[ev.Token.ID] && ev.Outcome == "success" && usesToken(ev.Action):
		ev.Outcome = "denied"
	}
}

// usesToken reports whether action presents the event's token.
func usesToken(action string) bool {
	switch action {
	case "token.use", "secret.read", "secret.list":
		return true
	}
	return false
}
