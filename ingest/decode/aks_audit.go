package decode

import (
	"strings"

	"github.com/valyala/fastjson"

	"github.com/credwatch/credwatch/event"
)

// isAKSAudit reports an AKS control plane's Kubernetes audit event as a
// diagnostic setting exports it: category kube-audit or kube-audit-admin,
// the audit event in properties.log (an object, or its JSON text).
func isAKSAudit(v *fastjson.Value) bool {
	c := strings.ToLower(string(v.GetStringBytes("category")))
	return (c == "kube-audit" || c == "kube-audit-admin") && v.Get("properties", "log") != nil
}

// aksTenant is the subscription of the cluster an AKS record's resourceId
// names, lower-cased.
func aksTenant(v *fastjson.Value) string {
	return azureSegment(string(v.GetStringBytes("resourceId")), "subscriptions")
}

// aksAuditText decodes an AKS record whose audit event is JSON text in
// properties.log, in the cluster's subscription: the event is a Kubernetes
// one, its Raw the audit event, the cluster in attrs.azure.aks_cluster. ok
// is false for an event given as an object, which unwrap hands on.
func (d *Decoder) aksAuditText(v *fastjson.Value, kinds []string, topic string) (evs []event.Event, ok bool, err error) {
	log := v.Get("properties", "log")
	if log.Type() != fastjson.TypeString {
		return nil, false, nil
	}
	d.envelope = aksTenant(v)
	ev, derr := d.logMessage(log, "properties.log", kinds, FormatK8s, topic)
	d.envelope = ""
	if derr != nil {
		return nil, true, derr
	}
	if ev.Format != "" { // else skipped
		id := strings.ToLower(string(v.GetStringBytes("resourceId")))
		setAttr(&ev, "azure.aks_cluster", id[strings.LastIndexByte(id, '/')+1:])
		d.out = append(d.out, ev)
	}
	return d.out, true, nil
}
