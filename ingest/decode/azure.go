package decode

import (
	"strings"

	"github.com/valyala/fastjson"

	"github.com/credwatch/credwatch/event"
)

// azure maps one Azure Monitor record: a Key Vault AuditEvent (secrets read,
// listed and changed), an Activity Log record (a resource's keys and
// connection strings listed or regenerated) or an Entra ID record (see
// azureEntra), as diagnostic settings export them to Event Hubs or a
// storage account, one record or {"records": [...]}, or as a Log Analytics
// export sends a workspace's rows; or an Activity Log event as its REST API
// lists it (see azureActivityEvent).
// The mapping is documented in docs/input/azure.md.
func (r *reader) azure(v *fastjson.Value) event.Event {
	if isAzureActivityEvent(v) {
		return r.azureActivityEvent(v)
	}
	n := r.limits.MaxString
	at, corr := azKey(v, "time", "TimeGenerated", "createdDateTime", "activityDateTime"), azKey(v, "correlationId", "CorrelationId")
	ev := event.Event{
		Format:    event.FormatAzure,
		Time:      r.timestamp(v, at, at, true),
		RequestID: r.str(v, corr, corr, r.limits.MaxID),
	}
	idKey, statusKey := azKey(v, "resourceId", "ResourceId", "_ResourceId"), azKey(v, "resultType", "ResultType")
	op := r.azureOperation(v)
	resourceID := r.str(v, idKey, idKey, r.limits.MaxText)
	status := r.str(v, statusKey, statusKey, n)
	if r.err != nil {
		return ev
	}
	if azurePending(status) {
		r.skip() // the record of the same operation's result follows
		return ev
	}
	props := r.obj(v, "properties", "properties")
	if props == nil {
		props = v // a Log Analytics row (AZKVAuditLogs, AzureDiagnostics, SigninLogs) has them at the top
	}
	category := azKey(v, "category", "Category")
	setAttr(&ev, "azure.category", r.str(v, category, category, n))
	ev.Resource = event.Resource{ID: resourceID}
	if r.azureEntra(v, azureProps{r: r, o: props, flat: props == v}, op, status, &ev) {
		return ev
	}
	claims := r.azureClaims(v)
	tenantKey := azKey(v, "tenantId", "TenantId")
	ev.Tenant = firstNonEmpty(azureSegment(resourceID, "subscriptions"), strings.ToLower(r.str(v, tenantKey, tenantKey, n)),
		claims.get("tid", "http://schemas.microsoft.com/identity/claims/tenantid"))
	action, known := azureAction(op)
	ev.Action = action
	if known {
		setAttr(&ev, "azure.operation", op)
	}
	ev.Outcome = r.azureOutcome(v, props, status, &ev)
	r.azureIdentity(claims, &ev)
	r.azureSource(v, props, &ev)
	if strings.HasPrefix(ev.Action, "secret.") {
		ev.Secret = r.azureSecret(props, resourceID, ev.Tenant)
		ev.Resource.Type = "secret"
	}
	return ev
}

// azureOperation is operationName, required. Microsoft Graph's resources
// name none: a signIn (/auditLogs/signIns) is a sign-in by its
// createdDateTime, a directoryAudit (/auditLogs/directoryAudits) is its
// activityDisplayName.
func (r *reader) azureOperation(v *fastjson.Value) string {
	key := azKey(v, "operationName", "OperationName", "activityDisplayName")
	if v.Get(key) == nil && v.Get("createdDateTime") != nil {
		return signInOperation
	}
	return r.required(v, key, key, r.limits.MaxString)
}

// azurePending reports a record of an operation still running: the
// Activity Log writes Started (or Accepted) and then the result.
func azurePending(status string) bool {
	switch strings.ToLower(status) {
	case "start", "started", "accept", "accepted":
		return true
	}
	return false
}

// azureSegment is what follows "/<name>/" in a resource id, lower-cased
// (Azure writes ids in any case): "subscriptions" → the subscription.
func azureSegment(resourceID, name string) string {
	parts := strings.Split(resourceID, "/")
	for i := 0; i+1 < len(parts); i++ {
		if strings.EqualFold(parts[i], name) {
			return strings.ToLower(parts[i+1])
		}
	}
	return ""
}

// azureSecret is the secret a record names: a Key Vault secret by vault and
// name (properties.id https://<vault>.vault.azure.net/secrets/<name>/<version>,
// else properties.requestUri), else the resource whose keys were read.
func (r *reader) azureSecret(props *fastjson.Value, resourceID, tenant string) event.Secret {
	for _, names := range [][]string{{"id", "Id", "id_s"}, {"requestUri", "RequestUri", "requestUri_s"}} {
		key := azKey(props, names...)
		u := r.str(props, key, "properties."+key, r.limits.MaxText)
		host, path, ok := strings.Cut(strings.TrimPrefix(strings.TrimPrefix(u, "https://"), "http://"), "/")
		vault, _, _ := strings.Cut(host, ".")
		if name := pathSegment(strings.SplitN(path, "?", 2)[0], "secrets"); ok && name != "" {
			return event.Secret{ID: strings.ToLower(vault) + "/" + name, Name: name, Tenant: tenant}
		}
	}
	id := strings.ToLower(resourceID)
	return event.Secret{ID: id, Name: id[strings.LastIndexByte(id, '/')+1:], Tenant: tenant}
}

// azKey is the first of names that o holds: Azure writes one field as
// resourceId in a diagnostic export, ResourceId or _ResourceId in a Log
// Analytics table (AZKVAuditLogs), requestUri_s in AzureDiagnostics' flattened
// columns. names[0] when o holds none.
func azKey(o *fastjson.Value, names ...string) string {
	for _, n := range names {
		if o != nil && o.Get(n) != nil {
			return n
		}
	}
	return names[0]
}
