package gen

import (
	"time"

	"github.com/credwatch/credwatch/event"
)

// kind is a kind of benign arrival.
type kind int

// Kinds of benign arrival.
const (
	userUse kind = iota
	serviceUse
	spaceUse
	spaceBuild
	spaceRestart
	secretList
	tokenCreate
	tokenRevoke
	tokenScopes
	secretCreate
	secretUpdate
	webhookCreate
	memberAdd
	spaceDuplicate
	nKinds
)

// mixWeights is the benign mix: how often each kind of arrival happens. A
// build also brings the Space's secret reads (n during the build, n when the
// new runtime starts), a restart n runtime reads, a Space declaring n ≈ 3.5
// secrets; a secret change restarts the Space. token.use stays ~80% of events.
var mixWeights = [nKinds]float64{
	userUse:        60,   // users' CLI/API requests, mostly in their working hours
	serviceUse:     14,   // CI and service accounts from the cloud, 24/7
	spaceUse:       9,    // Spaces calling the API with their bound token (internal)
	spaceBuild:     1.2,  // a push rebuilds a Space
	spaceRestart:   2,    // a Space wakes from sleep or restarts
	secretList:     2.5,  // an admin opens a Space's settings
	tokenCreate:    0.5,  // web UI actions from here on
	tokenRevoke:    0.4,  //
	tokenScopes:    0.3,  // fine-grained token permissions edited
	secretCreate:   0.15, //
	secretUpdate:   0.25, //
	webhookCreate:  0.08, //
	memberAdd:      0.1,  //
	spaceDuplicate: 0.07, //
}

// eventsPerArrival is the mean number of events one benign arrival brings,
// so that Config.Rate counts events, not arrivals.
func (g *Generator) eventsPerArrival() float64 {
	var secrets int
	for _, s := range g.w.Spaces {
		secrets += len(s.Secrets)
	}
	n := float64(secrets) / float64(max(len(g.w.Spaces), 1))
	extra := mixWeights[spaceBuild]*2*n + mixWeights[spaceRestart]*(n-1) +
		(mixWeights[secretCreate]+mixWeights[secretUpdate])*n
	return 1 + extra/g.mixSum
}

// benign fills ev with one benign arrival at t; its follow-ups are queued.
func (g *Generator) benign(ev *event.Event, t time.Time) {
	x := g.rng.Float64() * g.mixSum
	k := userUse
	for ; k < nKinds-1; k++ {
		if x -= mixWeights[k]; x < 0 {
			break
		}
	}
	switch k {
	case userUse:
		g.userUse(ev, t)
	case serviceUse:
		g.serviceUse(ev, t)
	case spaceUse:
		g.spaceUse(ev, t)
	case spaceBuild:
		g.spaceBuild(ev, t)
	case spaceRestart:
		g.spaceRestart(ev, t)
	case secretList:
		g.secretList(ev, t)
	default:
		g.webAction(k, ev, t)
	}
}

// webAction fills ev with a rare web-UI action of kind k by a user.
func (g *Generator) webAction(k kind, ev *event.Event, t time.Time) {
	switch k {
	case tokenCreate:
		g.tokenCreate(ev, t)
	case tokenRevoke:
		g.tokenRevoke(ev, t)
	case tokenScopes:
		g.tokenScopes(ev, t)
	case secretCreate, secretUpdate:
		g.secretChange(ev, t, k == secretCreate)
	case webhookCreate:
		g.webhookCreate(ev, t)
	case memberAdd:
		g.memberAdd(ev, t)
	default:
		g.spaceDuplicate(ev, t)
	}
}
