package decode

import (
	"net/netip"
	"strings"

	"github.com/valyala/fastjson"

	"github.com/credwatch/credwatch/event"
)

// azureClaimSet is the caller's token claims (identity.claim in Key Vault
// records, identity.claims in the Activity Log), by short or URI name.
type azureClaimSet struct {
	r *reader
	o *fastjson.Value
}

func (r *reader) azureClaims(v *fastjson.Value) azureClaimSet {
	id := r.obj(v, "identity", "identity")
	if c := r.obj(id, "claim", "identity.claim"); c != nil {
		return azureClaimSet{r, c}
	}
	return azureClaimSet{r, r.obj(id, "claims", "identity.claims")}
}

// get is the first claim present of names.
func (c azureClaimSet) get(names ...string) string {
	for _, n := range names {
		if s := c.r.str(c.o, n, "identity.claim."+n, c.r.limits.MaxString); s != "" {
			return s
		}
	}
	return ""
}

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
	ev.Source.UserAgent = firstNonEmpty(r.str(props, "clientInfo", "properties.clientInfo", r.limits.MaxText),
		r.str(props, "userAgent", "properties.userAgent", r.limits.MaxText))
	ip := r.str(v, "callerIpAddress", "callerIpAddress", 64)
	switch a, err := netip.ParseAddr(ip); {
	case ip == "":
	case err == nil:
		ev.Source.IP = a.Unmap().String()
		ev.Source.Internal = privateAddr(a.Unmap())
	case strings.ContainsAny(ip, ".:") && !strings.ContainsAny(ip, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"):
		ev.Source.IP = r.lenientIP(ip, "callerIpAddress") // a port, leading zeros
	default:
		ev.Source.Internal = true
		setAttr(ev, "azure.source", ip)
	}
}
