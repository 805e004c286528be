package decode

import (
	"strings"

	"github.com/valyala/fastjson"

	"github.com/credwatch/credwatch/event"
)

// okta maps one Okta System Log LogEvent, as the System Log API lists it,
// an event hook delivers it or Okta's EventBridge log stream sends it (see
// oktaEnvelope). A LogEvent names no org: the envelope's does, else the
// topic's tenant. The mapping is documented in docs/input/okta.md.
func (r *reader) okta(v *fastjson.Value) event.Event {
	l := r.limits
	eventType := r.required(v, "eventType", "eventType", l.MaxString)
	ev := event.Event{
		Format: event.FormatOkta,
		ID:     r.str(v, "uuid", "uuid", l.MaxID),
		Time:   r.timestamp(v, "published", "published", true),
		Action: eventType,
	}
	tx := r.obj(v, "transaction", "transaction")
	ev.RequestID = r.str(tx, "id", "transaction.id", l.MaxID)
	if r.err != nil {
		return ev
	}
	setAttr(&ev, "okta.event_type", eventType)
	setAttr(&ev, "okta.transaction_type", r.str(tx, "type", "transaction.type", l.MaxString))
	ev.Outcome = r.oktaOutcome(v, &ev)
	r.oktaActor(v, &ev)
	r.oktaSource(v, &ev)
	targets := r.oktaTargets(v)
	r.oktaCredential(v, tx, targets, &ev)
	return ev
}

// oktaOutcome maps outcome.result: SUCCESS and ALLOW are a success; DENY
// (a policy refused) and RATE_LIMIT are denied; FAILURE, ABANDONED and
// UNANSWERED (a factor not answered) a failure; CHALLENGE (a factor
// asked for), SKIPPED, DEFERRED, SCHEDULED and UNKNOWN say nothing yet.
// Its reason goes to attrs.okta.reason.
func (r *reader) oktaOutcome(v *fastjson.Value, ev *event.Event) string {
	o := r.obj(v, "outcome", "outcome")
	result := strings.ToUpper(r.str(o, "result", "outcome.result", r.limits.MaxString))
	setAttr(ev, "okta.reason", r.str(o, "reason", "outcome.reason", r.limits.MaxText))
	switch result {
	case "SUCCESS", "ALLOW":
		return "success"
	case "DENY", "RATE_LIMIT":
		setAttr(ev, "okta.result", result)
		return "denied"
	case "FAILURE", "ABANDONED", "UNANSWERED":
		setAttr(ev, "okta.result", result)
		return "failure"
	}
	setAttr(ev, "okta.result", result)
	return event.OutcomeUnknown
}

// oktaActor: a user by login (alternateId, else id), its Okta id in
// attrs.okta.actor_id; an OAuth client, an app, a workload principal or
// Okta itself (SystemPrincipal) is a service, by id.
func (r *reader) oktaActor(v *fastjson.Value, ev *event.Event) {
	a := r.obj(v, "actor", "actor")
	n := r.limits.MaxString
	id, login := r.str(a, "id", "actor.id", n), r.str(a, "alternateId", "actor.alternateId", n)
	typ := r.str(a, "type", "actor.type", n)
	setAttr(ev, "okta.actor_type", typ)
	setAttr(ev, "okta.actor_name", r.str(a, "displayName", "actor.displayName", n))
	if strings.EqualFold(login, "unknown") {
		login = ""
	}
	switch strings.ToLower(typ) {
	case "user":
		ev.Actor = event.Actor{ID: firstNonEmpty(login, id), Type: "user"}
		setAttr(ev, "okta.actor_id", id)
	case "publicclientapp", "appinstance", "client", "workloadidentityprincipal", "systemprincipal", "agent":
		ev.Actor = event.Actor{ID: firstNonEmpty(id, login), Type: "service"}
		setAttr(ev, "okta.actor_login", login)
	case "ip address": // ThreatInsight names the address it acted on
		ev.Actor = event.Actor{ID: id, Type: event.ActorAnonymous}
	default:
		ev.Actor = event.Actor{ID: firstNonEmpty(login, id)}
	}
	if ev.Actor.ID == "" || strings.EqualFold(ev.Actor.ID, "unknown") {
		ev.Actor = event.Actor{}
	}
}
