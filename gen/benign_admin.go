package gen

import (
	"slices"
	"time"

	"github.com/credwatch/credwatch/event"
)

// tokenCreate: a user creates an API token (never a legacy org token).
func (g *Generator) tokenCreate(ev *event.Event, t time.Time) {
	u := g.pickWorking(t, false)
	kind := userKind(g.rng)
	if kind == "org_legacy" {
		kind = "fine_grained"
	}
	tok := &Token{ID: HexID(g.rng, "tok_"), Kind: kind, Scopes: scopesFor(kind, g.rng), Owner: u.ID,
		Tenant: u.Orgs[0].Name, CreatedAt: t.Truncate(time.Second)}
	u.Tokens = append(u.Tokens, tok)
	*ev = g.uiEvent(t, u, "token.create", tok.Tenant, event.Resource{Type: "token", ID: tok.ID})
	ev.Token = tok.Event()
}

// tokenRevoke: a user revokes one of their tokens, keeping at least one.
func (g *Generator) tokenRevoke(ev *event.Event, t time.Time) {
	u := g.pickWorking(t, false)
	if len(u.Tokens) < 2 {
		g.tokenCreate(ev, t)
		return
	}
	i := g.rng.IntN(len(u.Tokens))
	tok := u.Tokens[i]
	u.Tokens = slices.Delete(u.Tokens, i, i+1)
	*ev = g.uiEvent(t, u, "token.revoke", tok.Tenant, event.Resource{Type: "token", ID: tok.ID})
	ev.Token = tok.Event()
}

// tokenScopes: a user edits the permissions of a fine-grained token.
func (g *Generator) tokenScopes(ev *event.Event, t time.Time) {
	u := g.pickWorking(t, false)
	i := slices.IndexFunc(u.Tokens, func(tok *Token) bool { return tok.Kind == "fine_grained" })
	if i < 0 {
		g.tokenCreate(ev, t)
		return
	}
	tok := u.Tokens[i]
	tok.Scopes = pick(g.rng, fineScopes)
	*ev = g.uiEvent(t, u, "token.update_scopes", tok.Tenant, event.Resource{Type: "token", ID: tok.ID})
	ev.Token = tok.Event()
}

// secretChange: an admin adds a secret to a Space (create) or sets a new
// value (update); the Space restarts and reads its secrets again.
func (g *Generator) secretChange(ev *event.Event, t time.Time, create bool) {
	u := g.pickWorking(t, true)
	o := u.Orgs[0]
	s := pick(g.rng, o.Spaces)
	sec := pick(g.rng, s.Secrets)
	action := "secret.update"
	if name := g.newSecretName(s); create && name != "" {
		sec = &Secret{ID: HexID(g.rng, "sec_"), Name: name, Space: s}
		s.Secrets = append(s.Secrets, sec)
		action = "secret.create"
	}
	*ev = g.uiEvent(t, u, action, o.Name, event.Resource{Type: "secret", ID: sec.ID})
	ev.Secret = sec.Event()
	if ev.Outcome == "success" {
		g.runtimeReads(s, s.Secrets, t.Add(jitterDur(5*time.Second, 40*time.Second, g.rng)))
	}
}

// newSecretName is a secret name s does not declare yet, or "" when it has 6.
func (g *Generator) newSecretName(s *Space) string {
	if len(s.Secrets) >= 6 {
		return ""
	}
	for {
		name := pick(g.rng, secretNames)
		if !slices.ContainsFunc(s.Secrets, func(sec *Secret) bool { return sec.Name == name }) {
			return name
		}
	}
}
