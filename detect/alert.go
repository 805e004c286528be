package detect

import (
	"crypto/sha256"
	"encoding/hex"
	"slices"
	"time"
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
	FirstSeen   time.Time    `json:"first_seen"`
	LastSeen    time.Time    `json:"last_seen"`
	Count       int          `json:"count"`
	EventIDs    []string     `json:"event_ids"` // evidence, oldest first, at most MaxEvidence
	Explanation Explanation  `json:"explanation"`
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
