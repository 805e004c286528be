package audit

import (
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/credwatch/credwatch/event"
)

// What the emitted events say about themselves.
const (
	// ActionPrefix starts the action of every emitted event: "console." + Action.
	ActionPrefix = "console."
	// EventIDPrefix starts an emitted event's id; seq and hash follow.
	EventIDPrefix = "con-"
	// AllTenants is the tenant of the event of an entry whose Tenant is ""
	// (the contract requires a tenant).
	AllTenants = "*"
	// UnknownActor is the actor id of the event of an entry with no Actor.
	UnknownActor = "unknown"
)

// The contract's limits (docs/contract.md): characters of an ordinary
// string and of an attribute value. Longer values would reject the event.
const (
	maxString = 256
	maxText   = 2048
)

// toEvent is the credwatch event recording e, which happened at at.
func toEvent(e Entry, at time.Time) event.Event {
	tenant := e.Tenant
	if tenant == "" {
		tenant = AllTenants
	}
	actor := event.Actor{ID: e.Actor, Type: "user"}
	if e.Actor == "" {
		actor = event.Actor{ID: UnknownActor, Type: event.ActorAnonymous}
	}
	actor.ID = clip(actor.ID, maxString)
	return event.Event{
		ID:      EventIDPrefix + strconv.FormatUint(e.Seq, 10) + "-" + e.Hash[:16],
		Time:    at.UTC().Truncate(time.Millisecond),
		Action:  clip(ActionPrefix+e.Action, maxString),
		Outcome: "success",
		Tenant:  clip(tenant, maxString),
		Actor:   actor,
		Attrs: map[string]string{"seq": strconv.FormatUint(e.Seq, 10), "hash": e.Hash, "role": clip(e.Role, maxText),
			"target": clip(e.Target, maxText), "detail": clip(e.Detail, maxText)},
	}
}

// clip makes s valid UTF-8 of at most limit characters.
func clip(s string, limit int) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	if utf8.RuneCountInString(s) <= limit {
		return s
	}
	n := 0
	for i := range s {
		if n == limit {
			return s[:i]
		}
		n++
	}
	return s
}
