package webhook

import (
	"encoding/json"
	"time"
)

// Payload types credwatch sends.
const (
	TypeRevoke = "credential.revoke" // revoke the credential now
	TypeNotify = "alert.notify"      // tell the platform; revoking is its call
)

// Actions a payload's data carries, one per type.
const (
	ActionRevoke = "revoke"
	ActionNotify = "notify"
)

// Payload is the JSON body of every webhook credwatch sends (the Standard
// Webhooks shape: type, timestamp of the event, data).
type Payload struct {
	Type      string    `json:"type"`
	Timestamp time.Time `json:"timestamp"`
	Data      Data      `json:"data"`
}

// Data is what a response decision is about.
type Data struct {
	// IntentID identifies the response decision; every delivery and retry
	// of it carries the same one.
	IntentID string `json:"intent_id"`
	// Action is ActionRevoke for TypeRevoke and ActionNotify for TypeNotify.
	Action string `json:"action"`
	// Credential is the credential's id as events carry it (token.id or
	// secret.id): never the credential itself.
	Credential string `json:"credential"`
	// Tenant owns the credential.
	Tenant string `json:"tenant"`
	// Rule is the detection rule that raised the alert.
	Rule string `json:"rule"`
	// Severity is the alert's: info, low, medium, high or critical.
	Severity string `json:"severity"`
	// Reason says why this decision was taken.
	Reason string `json:"reason"`
	// DryRun marks a decision that must not be acted on.
	DryRun bool `json:"dry_run,omitempty"`
	// Alert is the alert as OCSF JSON (a Detection Finding, class 2004).
	Alert json.RawMessage `json:"alert"`
	// Explanation is the alert's explanation, when it has one.
	Explanation json.RawMessage `json:"explanation,omitempty"`
}
