package respond

import (
	"context"

	"github.com/segmentio/kafka-go"

	"github.com/credwatch/credwatch/alertsink"
	"github.com/credwatch/credwatch/detect"
	"github.com/credwatch/credwatch/respond/policy"
)

// Handle answers one alert message (see HandleBatch).
func (r *Responder) Handle(ctx context.Context, msg kafka.Message) error {
	return r.HandleBatch(ctx, []kafka.Message{msg})
}

// HandleBatch answers alert messages in order and makes their new intents
// durable in one outbox write: the alerts one event raises together
// (several rules) wait for one insert, not one each. It returns an error
// only when an answer could not be made durable: the caller retries the
// batch and must not commit.
func (r *Responder) HandleBatch(ctx context.Context, msgs []kafka.Message) error {
	answers := make([]Answer, 0, len(msgs))
	for _, msg := range msgs {
		ans, ok, err := r.answer(ctx, msg)
		if err != nil {
			return err
		}
		if ok {
			answers = append(answers, ans)
		}
	}
	strongest := strongestAnswers(answers)
	var fresh, plain []Answer
	for i, ans := range answers {
		switch {
		case ans.Intent == nil:
			plain = append(plain, ans)
		case strongest[ans.Intent.ID] != i:
			r.metrics.duplicates.Inc()
		default:
			f, ok, err := r.freshAnswer(ctx, ans)
			if err != nil {
				return err
			}
			if ok {
				fresh = append(fresh, f)
			}
		}
	}
	if err := r.record(ctx, fresh); err != nil {
		return err
	}
	for _, ans := range plain {
		r.metrics.decisions.WithLabelValues(ans.Decision.Action).Inc()
		r.audit.decision(ctx, ans, r.clock.Now())
	}
	return nil
}

// freshAnswer is what ans records: its new intent held by the guardrails,
// the escalation of a recorded proposal, or nothing (ok false) for an
// intent already recorded.
func (r *Responder) freshAnswer(ctx context.Context, ans Answer) (Answer, bool, error) {
	known, err := r.known(ctx, *ans.Intent)
	if err != nil {
		return Answer{}, false, err
	}
	if known {
		return r.escalation(ctx, ans)
	}
	r.hold(&ans)
	return ans, true, nil
}

// strongestAnswers is, per intent, the index of the answer that acts most
// (auto before approve before notify, the first of equals): two rules that
// alert on one event map to one revocation intent, and a leaked token's
// automatic revocation must not wait behind an approval that a
// lesser rule (impossible travel) asked for.
func strongestAnswers(answers []Answer) map[string]int {
	strongest := map[string]int{}
	for i, ans := range answers {
		if ans.Intent == nil {
			continue
		}
		if j, ok := strongest[ans.Intent.ID]; !ok || actionRank(ans.Policy.Action) > actionRank(answers[j].Policy.Action) {
			strongest[ans.Intent.ID] = i
		}
	}
	return strongest
}

// actionRank orders policy actions by how much they do.
func actionRank(action string) int {
	switch action {
	case policy.ActionAuto:
		return 3
	case policy.ActionApprove:
		return 2
	case policy.ActionNotify:
		return 1
	}
	return 0
}

// answer decides on one alert message; ok is false for a message that is
// not an alert.
func (r *Responder) answer(ctx context.Context, msg kafka.Message) (Answer, bool, error) {
	a, err := ParseAlert(msg.Value)
	if err != nil {
		r.metrics.badAlerts.Inc()
		r.log.Warn("alert skipped", "offset", msg.Offset, "partition", msg.Partition, "err", err)
		return Answer{}, false, nil
	}
	ans, err := r.decider.Decide(ctx, a, header(msg, alertsink.HeaderUpdate, detect.UpdateNew))
	return ans, err == nil, err
}

// hold applies the guardrails to a new intent, once: an answer whose
// recording failed is answered the same on the retry (the guard counted it).
func (r *Responder) hold(ans *Answer) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if prev, ok := r.unrecorded[ans.Intent.ID]; ok {
		*ans = prev
		return
	}
	r.decider.Hold(ans)
	r.unrecorded[ans.Intent.ID] = *ans
}

// record makes new intents durable in one write, then audits and delivers
// them.
func (r *Responder) record(ctx context.Context, answers []Answer) error {
	var rows []Intent
	for _, ans := range answers {
		rows = append(rows, firstTransitions(*ans.Intent)...)
	}
	if len(rows) == 0 {
		return nil
	}
	if err := r.outbox.Record(ctx, rows...); err != nil {
		return err
	}
	for _, ans := range answers {
		r.recorded(ctx, ans)
	}
	return nil
}

// recorded is what follows a durable intent: delivery, audit, alarms.
func (r *Responder) recorded(ctx context.Context, ans Answer) {
	in := *ans.Intent
	r.remember(in.ID)
	r.markPastApproval(in)
	r.metrics.decisions.WithLabelValues(ans.Decision.Action).Inc()
	ins := firstTransitions(in)
	if len(ins) == 2 {
		r.deliver.start(ins[1])
	}
	for _, t := range ins {
		r.metrics.transitions.WithLabelValues(t.State).Inc()
	}
	r.audit.decision(ctx, ans, in.At)
	r.audit.transitions(ctx, ins...)
	if ans.CircuitOpened {
		r.circuitOpened(ctx, in, ans.Decision.Reason)
	}
}

// firstTransitions are a new intent's rows: the decision, then delivering
// when it is sent at once.
func firstTransitions(in Intent) []Intent {
	if !Deliverable(in.State) {
		return []Intent{in}
	}
	return []Intent{in, in.next(StateDelivering, ByRespond, "", in.At)}
}
