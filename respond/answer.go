package respond

import (
	"context"

	"github.com/segmentio/kafka-go"

	"github.com/credwatch/credwatch/alertsink"
	"github.com/credwatch/credwatch/detect"
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
	var fresh, plain []Answer
	batch := map[string]bool{} // intents new in this batch
	for _, msg := range msgs {
		ans, ok, err := r.answer(ctx, msg)
		switch {
		case err != nil:
			return err
		case !ok:
		case ans.Intent == nil:
			plain = append(plain, ans)
		case batch[ans.Intent.ID]:
			r.metrics.duplicates.Inc()
		default:
			if known, err := r.known(ctx, *ans.Intent); err != nil || known {
				if err != nil {
					return err
				}
				continue
			}
			r.hold(&ans)
			batch[ans.Intent.ID] = true
			fresh = append(fresh, ans)
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
