package receiver

import (
	"errors"
	"time"

	"github.com/credwatch/credwatch/respond/webhook"
)

// ErrAlreadyHandled is returned by Journal.Append for a webhook id the
// journal already holds.
var ErrAlreadyHandled = errors.New("webhook id already handled")

// Record is one handled webhook, as the journal keeps it.
type Record struct {
	WebhookID  string    `json:"webhook_id"`
	Type       string    `json:"type"` // webhook.TypeRevoke or webhook.TypeNotify
	IntentID   string    `json:"intent_id"`
	Credential string    `json:"credential"`
	Tenant     string    `json:"tenant"`
	Rule       string    `json:"rule"`
	DryRun     bool      `json:"dry_run,omitempty"`
	Received   time.Time `json:"received"`
}

// Revoked reports whether the record is a revocation acted on (a
// credential.revoke that was not a dry run).
func (r Record) Revoked() bool { return r.Type == webhook.TypeRevoke && !r.DryRun }

// Journal remembers the webhooks handled: their ids, so a replay is
// rejected, and the revocations. Implementations are safe for concurrent use.
type Journal interface {
	// Handled reports whether a record with this webhook id was appended.
	Handled(webhookID string) bool
	// Append records r durably; ErrAlreadyHandled if its id is known.
	Append(r Record) error
	// Revocations returns the revocations recorded, oldest first.
	Revocations() []Record
}

// index is a journal's memory: the ids seen and the revocations. Not safe
// for concurrent use; its owner locks.
type index struct {
	ids         map[string]struct{}
	revocations []Record
}

// newIndex returns an empty index.
func newIndex() *index { return &index{ids: map[string]struct{}{}} }

// has reports whether id was added.
func (ix *index) has(id string) bool {
	_, ok := ix.ids[id]
	return ok
}

// add remembers r.
func (ix *index) add(r Record) {
	ix.ids[r.WebhookID] = struct{}{}
	if r.Revoked() {
		ix.revocations = append(ix.revocations, r)
	}
}

// revoked returns a copy of the revocations.
func (ix *index) revoked() []Record {
	return append([]Record(nil), ix.revocations...)
}
