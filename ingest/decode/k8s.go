package decode

import (
	"time"

	"github.com/valyala/fastjson"

	"github.com/credwatch/credwatch/event"
)

// k8s maps one Kubernetes audit.k8s.io/v1 Event, as the API server's log
// and webhook backends write it; docs/input/k8s.md documents the mapping.
// Only an event's last stage is kept (ResponseComplete, or Panic):
// RequestReceived and ResponseStarted repeat the same auditID and are
// skipped. requestObject and responseObject (a Secret's data, a
// TokenRequest's token) are never copied; only the few identity fields
// named in k8sIssued and k8sReviewed are read from them.
func (r *reader) k8s(v *fastjson.Value) event.Event {
	stage := r.str(v, "stage", "stage", r.limits.MaxString)
	switch stage {
	case "RequestReceived", "ResponseStarted":
		r.skip()
		return event.Event{Format: event.FormatK8s}
	case "", "ResponseComplete", "Panic":
	default:
		r.fail(fieldErr("stage", ReasonInvalid, "%q is not an audit stage", stage))
	}
	ann := r.obj(v, "annotations", "annotations")
	decision := r.str(ann, "authorization.k8s.io/decision", "annotations.authorization.k8s.io/decision", r.limits.MaxString)
	ev := event.Event{
		Format:  event.FormatK8s,
		ID:      r.str(v, "auditID", "auditID", r.limits.MaxID),
		Time:    r.k8sTime(v),
		Tenant:  r.str(ann, "credwatch.io/tenant", "annotations.credwatch.io/tenant", r.limits.MaxString),
		Outcome: r.k8sOutcome(v, stage, decision),
	}
	ev.RequestID = ev.ID
	t := r.k8sTarget(v)
	t.annotations = ann
	ev.Action, ev.Secret, ev.Resource = t.action, t.secret, t.resource
	r.k8sIdentity(&ev, v, t)
	r.k8sSource(&ev, v)
	setAttr(&ev, "k8s.namespace", t.namespace)
	setAttr(&ev, "k8s.authz_decision", decision)
	return ev
}

// k8sTime is stageTimestamp (when the response completed), else
// requestReceivedTimestamp, else audit.k8s.io/v1alpha1's timestamp.
func (r *reader) k8sTime(v *fastjson.Value) time.Time {
	if t := r.timestamp(v, "stageTimestamp", "stageTimestamp", false); !t.IsZero() {
		return t
	}
	if v.Get("requestReceivedTimestamp") == nil && v.Get("timestamp") != nil {
		return r.timestamp(v, "timestamp", "timestamp", true)
	}
	return r.timestamp(v, "requestReceivedTimestamp", "requestReceivedTimestamp", true)
}

// k8sOutcome reads responseStatus.code: 401 and 403 are denied, other codes
// from 400 a failure, the rest a success. Without a code, an authorizer's
// "forbid" decision is denied, a Panic stage a failure, anything else
// unknown.
func (r *reader) k8sOutcome(v *fastjson.Value, stage, decision string) string {
	outcome, ok := r.httpStatus(r.obj(v, "responseStatus", "responseStatus"), "code", "responseStatus.code")
	switch {
	case ok && outcome != event.OutcomeUnknown: // an unusable code says nothing
		return outcome
	case decision == "forbid":
		return "denied"
	case stage == "Panic":
		return "failure"
	}
	return event.OutcomeUnknown
}
