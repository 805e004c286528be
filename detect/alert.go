package detect

import (
	"crypto/sha256"
	"encoding/hex"
	"slices"
	"time"

	"github.com/credwatch/credwatch/event"
)

// Alert is one (rule, credential, tenant) group of matching events.
type Alert struct {
	// ID is stable for a group: a hash of rule, tenant, credential and the
	// first evidence event, so a replay after a restart yields the same ID.
	ID          string       `json:"id"`
	Revision    int          `json:"revision"` // bumped on every change; the newest revision wins
	Rule        string       `json:"rule"`
	Title       string       `json:"title"`
	Severity    string       `json:"severity"`
	Tier        string       `json:"tier"`
	Shadow      bool         `json:"shadow,omitempty"`     // recorded, never sent to response
	Suppressed  bool         `json:"suppressed,omitempty"` // kept and marked, never sent to response
	Suppression *Suppression `json:"suppression,omitempty"`
	Tenant      string       `json:"tenant"`
	Credential  string       `json:"credential"`
	Actor       string       `json:"actor,omitempty"`
	// Held is what the first event said of the credential it names: the
	// response policy reads its kind, scopes and bindings.
	Held        Held        `json:"held"`
	FirstSeen   time.Time   `json:"first_seen"`
	LastSeen    time.Time   `json:"last_seen"`
	Count       int         `json:"count"`
	EventIDs    []string    `json:"event_ids"` // evidence, oldest first, at most MaxEvidence
	Explanation Explanation `json:"explanation"`
}

// Held describes a credential as an event carried it.
type Held struct {
	Kind     string   `json:"kind,omitempty"` // a token kind, or "secret"
	Scopes   []string `json:"scopes,omitempty"`
	Tenant   string   `json:"tenant,omitempty"`
	Owner    string   `json:"owner,omitempty"`
	Workload string   `json:"workload,omitempty"`
}

// MaxEvidence bounds the evidence ids an alert keeps; Count stays exact.
const MaxEvidence = 1000

// Respond reports whether the alert goes to response (not shadow, not suppressed).
func (a *Alert) Respond() bool { return !a.Shadow && !a.Suppressed }

// Snapshot is a copy that later changes to a do not touch.
func (a *Alert) Snapshot() *Alert {
	c := *a
	c.EventIDs = slices.Clone(a.EventIDs)
	return &c
}

// Explanation says why: the rule's reason and facts, and the baseline facts
// (observed vs normal) for the event that set the alert's severity.
type Explanation struct {
	Reason      string         `json:"reason"`
	RuleFacts   map[string]any `json:"rule_facts,omitempty"`
	Baseline    Facts          `json:"baseline"`
	Description string         `json:"description"`
}

// Update kinds.
const (
	UpdateNew       = "new"       // a new alert
	UpdateEscalated = "escalated" // severity rose: never swallowed
	UpdateEvidence  = "evidence"  // one more matching event in the group
)

// Update is a change to an alert, with a snapshot of it after the change.
type Update struct {
	Kind  string
	Alert *Alert
}

// Publish reports whether the update goes to response: new or escalated,
// neither shadow nor suppressed. Every update is stored.
func (u Update) Publish() bool { return u.Kind != UpdateEvidence && u.Alert.Respond() }

func alertID(rule, tenant, credential, firstEvent string) string {
	h := sha256.New()
	for _, s := range []string{rule, tenant, credential, firstEvent} {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	return "alr_" + hex.EncodeToString(h.Sum(nil)[:12])
}

// heldOf is what ev says of the credential named id.
func heldOf(ev *event.Event, id string) Held {
	switch id {
	case "":
	case ev.Token.ID:
		t := ev.Token
		return Held{Kind: t.Kind, Scopes: t.Scopes, Tenant: t.Tenant, Owner: t.Owner, Workload: t.Workload}
	case ev.Secret.ID:
		return Held{Kind: "secret", Tenant: ev.Secret.Tenant, Workload: ev.Secret.Workload}
	}
	return Held{}
}
