package decode

import (
	"regexp"
	"strings"

	"github.com/valyala/fastjson"

	"github.com/credwatch/credwatch/event"
)

// azureClaimSet is the caller's token claims (identity.claim in Key Vault
// records, identity.claims in the Activity Log, Identity.claim in
// AZKVAuditLogs), by short or URI name; flat: AzureDiagnostics' columns
// (identity_claim_upn_s, identity_claim_http_schemas_…_upn_s).
type azureClaimSet struct {
	r    *reader
	o    *fastjson.Value
	flat bool
}

func (r *reader) azureClaims(v *fastjson.Value) azureClaimSet {
	key := azKey(v, "identity", "Identity")
	id := r.obj(v, key, key)
	if id == nil {
		return azureClaimSet{r, v, true}
	}
	if c := r.obj(id, "claim", key+".claim"); c != nil {
		return azureClaimSet{r: r, o: c}
	}
	return azureClaimSet{r: r, o: r.obj(id, "claims", key+".claims")}
}

// get is the first claim present of names.
func (c azureClaimSet) get(names ...string) string {
	for _, n := range names {
		key, path := n, "identity.claim."+n
		if c.flat {
			col := "identity_claim_" + strings.Trim(claimColumn.ReplaceAllString(n, "_"), "_")
			key = azKey(c.o, col+"_s", col+"_g")
			path = key
		}
		if s := c.r.str(c.o, key, path, c.r.limits.MaxString); s != "" {
			return s
		}
	}
	return ""
}

// claimColumn is what Log Analytics turns into one "_" in a column name.
var claimColumn = regexp.MustCompile(`[^A-Za-z0-9]+`)

// azureIdentity maps the claims: the actor is the user (upn, unique_name)
// or the application (appid); a managed identity's resource (xms_mirid)
// goes to attrs.azure.managed_identity, not token.workload: a VM calls Key
// Vault from its public address, which the platform-bound workload rules
// would read as off its platform. The token is the access token by its
// unique id (uti), a session; ipaddr, the address the token was issued to,
// goes to attrs.azure.token_ip.
func (r *reader) azureIdentity(c azureClaimSet, ev *event.Event) {
	user := c.get("upn", "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn", "unique_name",
		"http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name")
	if i := strings.LastIndexByte(user, '#'); i >= 0 { // live.com#alice@outlook.com
		user = user[i+1:]
	}
	app := c.get("appid", "azp")
	object := c.get("oid", "http://schemas.microsoft.com/identity/claims/objectidentifier")
	mirid := c.get("xms_mirid")
	ev.Actor.ID = firstNonEmpty(user, app, object)
	switch idtyp := c.get("idtyp"); {
	case user != "" && idtyp != "app":
		ev.Actor.Type = "user"
	case ev.Actor.ID != "":
		ev.Actor.Type = "service"
	}
	if tid := c.get("tid", "http://schemas.microsoft.com/identity/claims/tenantid"); tid != "" {
		setAttr(ev, "azure.tenant_id", tid)
	}
	setAttr(ev, "azure.app_id", app)
	setAttr(ev, "azure.object_id", object)
	setAttr(ev, "azure.managed_identity", mirid)
	setAttr(ev, "azure.token_ip", c.get("ipaddr"))
	if uti := c.get("uti"); uti != "" {
		ev.Token = event.Token{ID: uti, Kind: "session", Owner: ev.Actor.ID, Tenant: ev.Tenant}
	}
}

// azureSource maps callerIpAddress and the client (properties.clientInfo,
// or userAgent). A private address is internal; a name instead of an
// address (an Azure service) is internal, in attrs.azure.source.
func (r *reader) azureSource(v, props *fastjson.Value, ev *event.Event) {
	client, ipKey := azKey(props, "clientInfo", "ClientInfo", "clientInfo_s"), azKey(v, "callerIpAddress", "CallerIPAddress", "CallerIpAddress")
	ev.Source.UserAgent = firstNonEmpty(r.str(props, client, "properties."+client, r.limits.MaxText),
		r.str(props, "userAgent", "properties.userAgent", r.limits.MaxText))
	r.callerAddress(ev, r.str(v, ipKey, ipKey, 64), ipKey, "azure.source", func(s string) bool {
		return !strings.ContainsAny(s, ".:") || strings.ContainsAny(s, "ghijklmnopqrstuvwxyzGHIJKLMNOPQRSTUVWXYZ") // not hex: a name
	})
}
