// Package audit is the console's action log: every analyst action and
// investigator query, append-only and hash-chained in the console_actions
// table. Each entry's Hash is a SHA-256 over its fields and the previous
// entry's Hash, so that changing, removing or inserting an entry breaks
// the chain, which Verify finds.
//
// One console process writes the log: a Log serialises its own appends,
// but two processes appending at once would fork the chain (both writing
// the same seq), which Verify then reports as a duplicate seq.
//
// Removing the newest entries leaves a shorter chain that still holds:
// the emitted console.* events (seq and hash in their attrs) are the
// record outside the table that shows the chain's true length.
package audit

import (
	"context"
	"time"

	"github.com/credwatch/credwatch/event"
)

// Entry is one recorded console action.
type Entry struct {
	Seq      uint64
	At       time.Time // whole seconds, UTC: what the DateTime column stores
	Actor    string    // user name
	Role     string
	Action   string // e.g. "alerts.list", "alert.ack", "alert.close", "suppression.add", "intent.approve", "events.search", "login"
	Tenant   string // "" when the action spans tenants
	Target   string // alert id, credential id, query summary...
	Detail   string // JSON object text, bounded (cut to MaxDetail bytes)
	PrevHash string
	Hash     string
}

// Emitter produces credwatch events onto the events topic;
// respond/receiver.Emitter (a KafkaEmitter) fits.
type Emitter interface {
	Emit(ctx context.Context, ev event.Event) error
}

// table and columns are where entries are stored (migration 00007).
const table = "console_actions"

var columns = []string{"seq", "at", "actor", "role", "action", "tenant", "target", "detail", "prev_hash", "hash"}

// row is e's values in columns order.
func (e Entry) row() []any {
	return []any{e.Seq, e.At, e.Actor, e.Role, e.Action, e.Tenant, e.Target, e.Detail, e.PrevHash, e.Hash}
}

// scanTargets are pointers to e's fields in columns order.
func (e *Entry) scanTargets() []any {
	return []any{&e.Seq, &e.At, &e.Actor, &e.Role, &e.Action, &e.Tenant, &e.Target, &e.Detail, &e.PrevHash, &e.Hash}
}
