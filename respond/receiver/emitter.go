package receiver

import (
	"context"
	"time"

	"github.com/credwatch/credwatch/event"
	"github.com/credwatch/credwatch/respond/webhook"
)

// What the receiver's token.revoke events say about themselves.
const (
	// ActorID is the actor of every event the receiver emits.
	ActorID = "credwatch-receiver"
	// EventIDPrefix starts the id of an emitted event; the webhook-id
	// follows, so that re-emitting after a failed attempt collapses.
	EventIDPrefix = "rcv-"
	// ActionRevoke is the emitted event's action (contract catalogue).
	ActionRevoke = "token.revoke"
	actorType    = "service"
	outcome      = "success"
)

// Emitter hands an event to the platform's pipeline and returns once it
// is durable there (an error makes the receiver answer 503).
type Emitter interface {
	Emit(ctx context.Context, ev event.Event) error
}

// EmitterFunc adapts a function to Emitter.
type EmitterFunc func(ctx context.Context, ev event.Event) error

// Emit calls f.
func (f EmitterFunc) Emit(ctx context.Context, ev event.Event) error { return f(ctx, ev) }

// revokeEvent is the token.revoke event acting on a credential.revoke
// webhook, at now.
func revokeEvent(webhookID string, d webhook.Data, now time.Time) event.Event {
	return event.Event{
		ID:      EventIDPrefix + webhookID,
		Time:    now.UTC().Truncate(time.Millisecond),
		Action:  ActionRevoke,
		Outcome: outcome,
		Tenant:  d.Tenant,
		Actor:   event.Actor{ID: ActorID, Type: actorType},
		Token:   event.Token{ID: d.Credential},
		Attrs:   map[string]string{"intent_id": d.IntentID, "rule": d.Rule},
	}
}
