package decode

import (
	"strings"

	"github.com/valyala/fastjson"

	"github.com/credwatch/credwatch/event"
)

// gcp maps one Google Cloud Audit Logs entry: a LogEntry whose
// protoPayload is an AuditLog (Admin Activity, Data Access, System Event
// or Policy Denied), as a log sink writes it to Pub/Sub, Cloud Storage or
// BigQuery and a connector passes it on. The mapping is documented in
// docs/input/gcp.md.
func (r *reader) gcp(v *fastjson.Value) event.Event {
	ev := event.Event{
		Format: event.FormatGCP,
		ID:     r.str(v, "insertId", "insertId", r.limits.MaxID),
		Time:   r.timestamp(v, "timestamp", "timestamp", true),
	}
	p := r.requiredObj(v, "protoPayload", "protoPayload", "an AuditLog object")
	if p == nil {
		return ev
	}
	service := r.str(p, "serviceName", "protoPayload.serviceName", r.limits.MaxString)
	method := r.required(p, "methodName", "protoPayload.methodName", r.limits.MaxString)
	if r.err != nil {
		return ev
	}
	resourceName := r.str(p, "resourceName", "protoPayload.resourceName", r.limits.MaxText)
	res := r.obj(v, "resource", "resource")
	labels := r.obj(res, "labels", "resource.labels")
	logName := r.str(v, "logName", "logName", r.limits.MaxText)
	ev.Tenant = gcpTenant(r.str(labels, "project_id", "resource.labels.project_id", r.limits.MaxString), logName, resourceName)
	api := gcpService(service) + ":" + gcpMethod(method)
	action, known := gcpAction(api)
	ev.Action = action
	if known {
		setAttr(&ev, "gcp.api", api)
	}
	ev.Outcome = r.gcpOutcome(p, &ev)
	if gcpFailedCalls[api] {
		ev.Outcome = "failure"
	}
	r.gcpIdentity(p, &ev)
	r.gcpSource(p, &ev)
	r.gcpSubject(gcpNames{resource: res, labels: labels, payload: p, resourceName: resourceName}, &ev)
	setAttr(&ev, "gcp.log", gcpLogKind(logName))
	return ev
}

// gcpTenant is the project the entry belongs to: resource.labels.project_id,
// else the project, folder or organization of logName, else the project of
// the resource named.
func gcpTenant(projectID, logName, resourceName string) string {
	if projectID != "" {
		return projectID
	}
	for _, kind := range []string{"projects/", "folders/", "organizations/", "billingAccounts/"} {
		if rest, ok := strings.CutPrefix(logName, kind); ok {
			id, _, _ := strings.Cut(rest, "/")
			if kind == "projects/" {
				return id
			}
			return strings.TrimSuffix(kind, "s/") + "/" + id
		}
	}
	return pathSegment(resourceName, "projects")
}

// pathSegment is what follows "<name>/" in a resource path or URL path
// (projects/p/secrets/s: "projects" → p), else "".
func pathSegment(path, name string) string {
	parts := strings.Split(strings.TrimPrefix(path, "//"), "/")
	for i := 0; i+1 < len(parts); i++ {
		if parts[i] == name {
			return parts[i+1]
		}
	}
	return ""
}

// gcpLogKind is the audit log an entry is in (activity, data_access,
// system_event, policy) from its logName (…/logs/cloudaudit.googleapis.com%2Fdata_access).
func gcpLogKind(logName string) string {
	_, log, ok := strings.Cut(logName, "/logs/")
	if !ok {
		return ""
	}
	log = strings.ReplaceAll(log, "%2F", "/")
	_, kind, ok := strings.Cut(log, "cloudaudit.googleapis.com/")
	if !ok {
		return ""
	}
	return kind
}
