package respond

import (
	"context"
	"fmt"

	"github.com/credwatch/credwatch/alertsink"
	"github.com/credwatch/credwatch/detect"
	"github.com/credwatch/credwatch/respond/delivery"
)

// Rules of respond's own alerts. Their tier is "none": respond reads them
// back from the alerts topic and decides nothing.
const (
	RuleCircuitOpen    = "response_circuit_open"
	RuleDeliveryFailed = "response_delivery_failed"
)

// KafkaAlerts publishes respond's alerts to topic as OCSF findings, like
// the detection stage's.
func KafkaAlerts(w alertsink.MessageWriter, topic string) AlertPublisher {
	return func(ctx context.Context, a *detect.Alert) error {
		value, err := alertsink.OCSF(a)
		if err != nil {
			return err
		}
		return w.WriteMessages(ctx, alertsink.Message(topic, detect.Update{Kind: detect.UpdateNew, Alert: a}, value))
	}
}

// circuitOpened raises the one high-severity alert saying a cap opened
// the circuit: automatic revocations now wait for approval.
func (r *Responder) circuitOpened(ctx context.Context, in Intent, reason string) {
	r.metrics.circuits.Inc()
	r.raise(ctx, RuleCircuitOpen, "Automatic revocations paused: a cap opened the circuit", "high", in, reason)
}

// deliveryFailed raises an alert for an intent that will not be delivered
// (a permanent 4xx, or 410: the endpoint is disabled).
func (r *Responder) deliveryFailed(ctx context.Context, in Intent, res delivery.Result) {
	r.raise(ctx, RuleDeliveryFailed, "Revocation webhook failed", "high", in,
		fmt.Sprintf("webhook for intent %s failed: %s %d %s", in.ID, res.Outcome, res.Code, res.Detail))
}

func (r *Responder) raise(ctx context.Context, rule, title, severity string, in Intent, reason string) {
	r.log.Error(title, "intent", in.ID, "tenant", in.Tenant, "reason", reason)
	if r.alerts == nil {
		return
	}
	now := r.clock.Now().UTC()
	a := &detect.Alert{ID: "alr_" + rule + "_" + in.ID, Revision: 1, Rule: rule, Title: title, Severity: severity,
		Tier: "none", Tenant: in.Tenant, Credential: in.Credential, Actor: ByRespond, FirstSeen: now, LastSeen: now,
		Count: 1, EventIDs: []string{in.ID}, Explanation: detect.Explanation{Reason: reason}}
	if err := r.alerts(ctx, a); err != nil {
		r.log.Error("respond alert not published", "rule", rule, "err", err)
	}
}
