package respond

import (
	"context"
	"fmt"
	"log/slog"
	"strconv"
	"time"

	"github.com/credwatch/credwatch/event"
	"github.com/credwatch/credwatch/respond/receiver"
)

// Emitter produces credwatch events (receiver.KafkaEmitter to the events
// topic), so the pipeline stores and audits respond's own actions.
type Emitter = receiver.Emitter

// Event actions respond emits: response.decision for every decision, and
// response.<state> for every transition (response.proposed, response.auto,
// response.approved, response.delivering, response.delivered, ...).
const ActionDecision = "response.decision"

// auditor emits respond's events; an emit failure is logged and counted,
// never blocking a response (the outbox is the record of truth).
type auditor struct {
	emit    Emitter
	log     *slog.Logger
	metrics *Metrics
}

func (a auditor) decision(ctx context.Context, ans Answer, at time.Time) {
	credential := ""
	if ans.Intent != nil {
		credential = ans.Intent.Credential
	}
	a.send(ctx, event.Event{ID: "rsp-" + ans.AlertID + "-" + ans.Policy.Action, Time: at, Action: ActionDecision,
		Outcome: "success", Tenant: ans.Tenant, Actor: event.Actor{ID: ByRespond, Type: "service"},
		Token: event.Token{ID: credential},
		Attrs: map[string]string{"alert_id": ans.AlertID, "rule": ans.Rule, "decision": ans.Decision.Action,
			"policy_decision": ans.Policy.Action, "reason": ans.Decision.Reason}})
}

func (a auditor) transitions(ctx context.Context, ins ...Intent) {
	for _, in := range ins {
		actor := event.Actor{ID: in.By, Type: "user"}
		if in.By == ByRespond {
			actor.Type = "service"
		}
		a.send(ctx, event.Event{ID: in.ID + "-" + strconv.Itoa(int(in.Seq)), Time: in.At, Action: "response." + in.State,
			Outcome: "success", Tenant: in.Tenant, Actor: actor, Token: event.Token{ID: in.Credential},
			Attrs: map[string]string{"intent_id": in.ID, "alert_id": in.AlertID, "rule": in.Rule,
				"action": in.Action, "reason": in.Reason, "detail": in.Detail, "attempt": strconv.Itoa(int(in.Attempt)),
				"dry_run": strconv.FormatBool(in.DryRun)}})
	}
}

func (a auditor) send(ctx context.Context, ev event.Event) {
	if a.emit == nil {
		return
	}
	ev.Time = ev.Time.UTC().Truncate(time.Millisecond)
	if err := a.emit.Emit(ctx, ev); err != nil {
		if a.metrics != nil {
			a.metrics.emitFailures.Inc()
		}
		a.log.Warn("response event not emitted", "action", ev.Action, "id", ev.ID, "err", fmt.Sprint(err))
	}
}
