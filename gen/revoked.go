package gen

import "github.com/credwatch/credwatch/event"

// refuseRevoked keeps the platform's promise that a revoked token is never
// accepted again. Routines planned ahead (a scenario's user working through
// the day) and benign revocations (a user revoking one of their tokens) are
// drawn apart, so a planned use can follow its token's revocation: the
// platform refuses it (denied), as it would the real client still holding
// the token.
func (g *Generator) refuseRevoked(ev *event.Event) {
	if ev.Token.ID == "" {
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
