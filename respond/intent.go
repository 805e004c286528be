package respond

import (
	"crypto/sha256"
	"encoding/hex"
	"slices"
	"time"
)

// States an intent moves through. proposed waits for an analyst; auto and
// approved wait for delivery; delivered, failed, rejected, expired and
// dry_run are final.
const (
	StateProposed   = "proposed"
	StateAuto       = "auto"
	StateApproved   = "approved"
	StateDelivering = "delivering"
	StateDelivered  = "delivered"
	StateFailed     = "failed"
	StateRejected   = "rejected"
	StateExpired    = "expired"
	StateDryRun     = "dry_run"
)

// Final reports whether no transition leaves state.
func Final(state string) bool {
	return slices.Contains([]string{StateDelivered, StateFailed, StateRejected, StateExpired, StateDryRun}, state)
}

// Deliverable reports whether an intent in state is due for delivery.
func Deliverable(state string) bool {
	return state == StateAuto || state == StateApproved || state == StateDelivering
}

// Intent actions: what the webhook asks of the platform.
const (
	ActionRevoke = "revoke"
	ActionNotify = "notify"
)

// Intent is one revocation (or notification) and where it stands: the
// newest of its recorded transitions.
type Intent struct {
	ID         string `json:"id"`
	Tenant     string `json:"tenant"`
	Credential string `json:"credential"`
	Action     string `json:"action"`
	State      string `json:"state"`
	Seq        uint32 `json:"seq"` // transitions so far; the next is Seq+1
	Decision   string `json:"decision"`
	AlertID    string `json:"alert_id"`
	// AlertTenant is the tenant the alert is kept under: Tenant is the
	// credential's, which differs for a credential used across tenants.
	AlertTenant string    `json:"alert_tenant"`
	Rule        string    `json:"rule"`
	Severity    string    `json:"severity"`
	Reason      string    `json:"reason"`
	By          string    `json:"by"` // who made the newest transition
	DryRun      bool      `json:"dry_run,omitempty"`
	Attempt     uint32    `json:"attempt,omitempty"`
	Detail      string    `json:"detail,omitempty"`
	Payload     []byte    `json:"-"` // the webhook body, rendered once
	Created     time.Time `json:"created"`
	At          time.Time `json:"at"`
}

// IntentID is the one intent per (tenant, credential, action): the same
// alert re-published, escalated or raised by a second rule maps to it, so a
// credential is never revoked twice. Notifications are per alert. A dry-run
// intent has its own id, so going live later still acts.
func IntentID(tenant, credential, action, alertID string, dryRun bool) string {
	h := sha256.New()
	parts := []string{tenant, credential, action}
	if action == ActionNotify {
		parts = append(parts, alertID)
	}
	if dryRun {
		parts = append(parts, "dry-run")
	}
	for _, p := range parts {
		h.Write([]byte(p))
		h.Write([]byte{0})
	}
	return "int_" + hex.EncodeToString(h.Sum(nil)[:12])
}

// next is the transition of in to state, made by whom at when.
func (in Intent) next(state, by, detail string, at time.Time) Intent {
	in.State, in.By, in.Detail, in.At = state, by, detail, at
	in.Seq++
	return in
}
