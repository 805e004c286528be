package gen

import (
	"time"

	"github.com/credwatch/credwatch/event"
)

// webhookCreate: an admin adds a webhook to the org.
func (g *Generator) webhookCreate(ev *event.Event, t time.Time) {
	u := g.pickWorking(t, true)
	o := u.Orgs[0]
	*ev = g.uiEvent(t, u, "webhook.create", o.Name, event.Resource{Type: "webhook", ID: HexID(g.rng, "wh_")})
}

// memberAdd: an admin invites an existing user into the org.
func (g *Generator) memberAdd(ev *event.Event, t time.Time) {
	u := g.pickWorking(t, true)
	o := u.Orgs[0]
	*ev = g.uiEvent(t, u, "org.member_add", o.Name, event.Resource{Type: "org", ID: o.Name})
	ev.Attrs = map[string]string{"member": g.w.PickUser(g.rng).ID}
}

// spaceDuplicate: a user duplicates a public Space of a popular org (or one
// of their own org's) into their org; the tenant is the source's.
func (g *Generator) spaceDuplicate(ev *event.Event, t time.Time) {
	u := g.pickWorking(t, false)
	src := pick(g.rng, u.Orgs[0].Spaces)
	for range 5 {
		if s := pick(g.rng, g.w.PickOrg(g.rng).Spaces); s.Visibility == "public" {
			src = s
			break
		}
	}
	*ev = g.uiEvent(t, u, "space.duplicate", src.Org.Name, src.Repo.Resource())
	ev.Attrs = map[string]string{"target": u.Orgs[0].Name + "/" + pick(g.rng, spaceNames) + "-copy"}
}
