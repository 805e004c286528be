package decode

import (
	"strconv"
	"strings"

	"github.com/valyala/fastjson"

	"github.com/credwatch/credwatch/event"
)

// azureSignInCredential names the credential a sign-in used or created.
//   - An application: its client secret or certificate by key id (else
//     its thumbprint, else the federated credential): token.use of a
//     long-term credential, whose kind the contract does not name; with
//     none named, auth.logon.
//   - A managed identity: the access token Azure issued it, by its unique
//     id (the uti claim, which Key Vault records name the token by):
//     token.create.
//   - A user: the session (sessionId), which the refresh tokens of one
//     sign-in share. A sign-in that presented a token (non-interactive, or
//     incomingTokenType other than none) is token.use; an interactive one
//     that opened a session is token.create; without a session, auth.logon.
func (r *reader) azureSignInCredential(p azureProps, kind azureSignIn, home string, ev *event.Event) {
	uti := p.str("uniqueTokenIdentifier")
	owned := func(id, kind string) event.Token {
		return event.Token{ID: id, Kind: kind, Owner: ev.Actor.ID, Tenant: home}
	}
	switch kind {
	case signInServicePrincipal:
		setAttr(ev, "azure.token_uti", uti)
		ev.Action = "auth.logon"
		if key := p.firstStr("servicePrincipalCredentialKeyId", "servicePrincipalCredentialThumbprint", "federatedCredentialId"); key != "" {
			ev.Action, ev.Token = "token.use", owned(key, "")
		}
	case signInManagedIdentity:
		ev.Action = "token.create"
		if uti != "" {
			ev.Token = owned(uti, "session")
		}
	default:
		setAttr(ev, "azure.token_uti", uti)
		ev.SessionID = p.str("sessionId")
		switch {
		case ev.SessionID == "":
			ev.Action = "auth.logon"
		case kind == signInUserToken || ev.Attrs["azure.incoming_token_type"] != "":
			ev.Action, ev.Token = "token.use", owned(ev.SessionID, "session")
		default:
			ev.Action, ev.Token = "token.create", owned(ev.SessionID, "session")
		}
	}
	if ev.Action == "token.create" && ev.Outcome == "success" && ev.Token.ID != "" {
		ev.Token.CreatedAt = ev.Time
	}
}

// azureSignInBlocked are the error codes of a sign-in that policy refused
// with a valid credential: Conditional Access (53000-53004, 530032), a
// locked (50053), disabled (50057) or unassigned (50105) account, a device
// not compliant (50131), a disabled application (7000112).
var azureSignInBlocked = map[string]bool{"53000": true, "53001": true, "53002": true, "53003": true, "53004": true,
	"530032": true, "50053": true, "50057": true, "50105": true, "50131": true, "7000112": true}

// azureSignInOutcome: error code 0 (status.errorCode, else resultType) is
// a success; a code in azureSignInBlocked is denied; any other a failure
// (a wrong password or client secret, an expired credential, an MFA prompt
// not answered). The code goes to attrs.azure.result and Azure's reason to
// attrs.azure.failure.
func (r *reader) azureSignInOutcome(p azureProps, result string, ev *event.Event) string {
	status, path := p.dyn("status")
	code := result
	if n, ok := r.number(status, "errorCode", path+".errorCode"); ok {
		code = strconv.FormatFloat(n, 'f', -1, 64)
	}
	reason := r.str(status, "failureReason", path+".failureReason", r.limits.MaxText)
	switch strings.ToLower(code) {
	case "":
		return event.OutcomeUnknown
	case "0", "success", "succeeded":
		return "success"
	}
	setAttr(ev, "azure.result", code)
	setAttr(ev, "azure.failure", reason)
	if azureSignInBlocked[code] {
		return "denied"
	}
	return "failure"
}

// azureSignInSource: the client's address (ipAddress, else
// callerIpAddress), its AS (autonomousSystemNumber), country and
// coordinates (location) and user agent.
func (r *reader) azureSignInSource(v *fastjson.Value, p azureProps, ev *event.Event) {
	if key, path := p.key("ipAddress", "IPAddress"); !r.entraAddress(ev, p.o, key, path) {
		r.entraCaller(ev, v)
	}
	ev.Source.UserAgent = p.str("userAgent")
	ev.Source.ASN = p.whole("autonomousSystemNumber")
	loc, path := p.dyn("location", "LocationDetails")
	ev.Source.Country = r.country(loc, "countryOrRegion", path+".countryOrRegion")
	geo := r.obj(loc, "geoCoordinates", path+".geoCoordinates")
	ev.Source.Lat, ev.Source.Lon, ev.Source.HasGeo = r.coordinates(geo, "latitude", "longitude", path+".geoCoordinates")
}

// entraAddress maps the address at key of o onto ev's source (Entra ID's
// logs write addresses only, never a service's name) and reports whether
// there was one.
func (r *reader) entraAddress(ev *event.Event, o *fastjson.Value, key, path string) bool {
	ip := r.str(o, key, path, 64)
	r.callerAddress(ev, ip, path, "azure.source", func(string) bool { return false })
	return ip != ""
}

// entraCaller maps the record's callerIpAddress, for a log whose own
// fields named no address.
func (r *reader) entraCaller(ev *event.Event, v *fastjson.Value) {
	key := azKey(v, "callerIpAddress", "CallerIpAddress")
	r.entraAddress(ev, v, key, key)
}
