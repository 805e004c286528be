package decode_test

import (
	"testing"

	"github.com/credwatch/credwatch/ingest/decode"
)

// oktaEvent is an Okta System Log LogEvent as the System Log API lists it:
// ana@acme.example signing in to Okta from 198.51.100.23 (AS 7922,
// Denver), changed by changes.
func oktaEvent(changes ...func(obj)) string {
	return withChanges(obj{
		"uuid": "3aeede38-4f67-11ea-abd3-1f5d113f2546", "published": "2026-11-20T14:02:11.718Z", "eventType": "user.session.start",
		"version": "0", "severity": "INFO", "legacyEventType": "core.user_auth.login_success", "displayMessage": "User login to Okta",
		"actor": obj{"id": "00u1abvz4pYqdM8ms4x6", "type": "User", "alternateId": "ana@acme.example", "displayName": "Ana Ruiz", "detailEntry": nil},
		"client": obj{"userAgent": obj{"rawUserAgent": "Mozilla/5.0 (Macintosh) Firefox/132.0", "os": "Mac OS X", "browser": "FIREFOX"},
			"zone": "null", "device": "Computer", "id": nil, "ipAddress": "198.51.100.23",
			"geographicalContext": obj{"city": "Denver", "state": "Colorado", "country": "United States", "postalCode": "80202",
				"geolocation": obj{"lat": 39.7392, "lon": -104.9903}}},
		"outcome":               obj{"result": "SUCCESS", "reason": nil},
		"target":                nil,
		"transaction":           obj{"type": "WEB", "id": "XkcAsWb8WjwDP76xh@1v8wAABp0", "detail": obj{}},
		"debugContext":          obj{"debugData": obj{"requestUri": "/idp/idx/identify", "dtHash": "f59d98b2e8dc", "threatSuspected": "false"}},
		"authenticationContext": obj{"authenticationProvider": nil, "credentialType": nil, "externalSessionId": "idxyNcxVX2ESsSL0u462548Qg", "interface": nil, "issuer": nil},
		"securityContext":       obj{"asNumber": 7922, "asOrg": "comcast", "isp": "comcast cable", "domain": "comcast.net", "isProxy": false},
		"request":               obj{"ipChain": []any{obj{"ip": "198.51.100.23", "version": "V4", "source": nil}}},
	}, changes)
}

// ssoTargets are what user.authentication.sso names: the app, its user.
var ssoTargets = []any{
	obj{"id": "0oa5zqvw1s8GNkKbE5d7", "type": "AppInstance", "alternateId": "GitHub Enterprise", "displayName": "GitHub Enterprise Cloud"},
	obj{"id": "0ua5zr1kjxVb4w8PS5d7", "type": "AppUser", "alternateId": "ana@acme.example", "displayName": "Ana Ruiz"},
}

// TestOktaSessions: a user's Okta session is a credential, opened by a
// sign-in, used by what is done in it and ended by a sign-out, whoever
// signs in, from wherever, in whichever engine (Classic or Identity
// Engine, whose root session outlives the sign-in's step-up id).
func TestOktaSessions(t *testing.T) {
	cases := []adapterCase{
		{name: "sign-in opens the session", msg: oktaEvent(), want: map[string]string{"id": "3aeede38-4f67-11ea-abd3-1f5d113f2546",
			"action": "token.create", "outcome": "success", "tenant": "topic-tenant", "actor.id": "ana@acme.example", "actor.type": "user",
			"token.id": "idxyNcxVX2ESsSL0u462548Qg", "token.kind": "session", "token.owner": "ana@acme.example",
			"token.created_at": "2026-11-20T14:02:11.718Z", "session_id": "idxyNcxVX2ESsSL0u462548Qg", "request_id": "XkcAsWb8WjwDP76xh@1v8wAABp0",
			"source.ip": "198.51.100.23", "source.asn": "7922", "source.as_org": "comcast", "source.country": "US", "source.lat": "39.7392",
			"source.lon": "-104.9903", "source.user_agent": "Mozilla/5.0 (Macintosh) Firefox/132.0", "attrs.okta.actor_id": "00u1abvz4pYqdM8ms4x6",
			"attrs.okta.event_type": "user.session.start", "attrs.okta.dt_hash": "f59d98b2e8dc", "attrs.okta.zone": "",
			"attrs.okta.threat_suspected": "", "attrs.okta.isp": "comcast cable", "warnings": "", "format": "okta.system_log"}},
		{name: "classic engine session id", msg: oktaEvent(set("authenticationContext.externalSessionId", "102bZDNFfWaQSyEZQuDgWt-uQ")),
			want: map[string]string{"token.id": "102bZDNFfWaQSyEZQuDgWt-uQ"}},
		{name: "root session names the credential", msg: oktaEvent(set("authenticationContext.rootSessionId", "idxBager62CSveUkTxvgRtonA"),
			set("eventType", "user.authentication.sso"), set("target", ssoTargets)), want: map[string]string{"token.id": "idxBager62CSveUkTxvgRtonA",
			"session_id": "idxyNcxVX2ESsSL0u462548Qg", "attrs.okta.root_session": "idxBager62CSveUkTxvgRtonA", "attrs.operation": "user.authentication.sso",
			"resource.id": "0oa5zqvw1s8GNkKbE5d7", "attrs.okta.target_type": "AppInstance", "attrs.okta.target_name": "GitHub Enterprise Cloud"}},
		{name: "signing in to an app uses the session", msg: oktaEvent(set("eventType", "user.authentication.sso"), set("target", ssoTargets),
			set("client.ipAddress", "203.0.113.9"), set("securityContext.asNumber", 205100), set("securityContext.asOrg", "f3 netze")),
			want: map[string]string{"attrs.operation": "user.authentication.sso", "token.id": "idxyNcxVX2ESsSL0u462548Qg", "token.created_at": "",
				"source.ip": "203.0.113.9", "source.asn": "205100", "source.as_org": "f3 netze"}},
		{name: "admin console in the session", msg: oktaEvent(set("eventType", "user.session.access_admin_app")),
			want: map[string]string{"attrs.operation": "user.session.access_admin_app", "token.id": "idxyNcxVX2ESsSL0u462548Qg"}},
		{name: "sign-out ends it", msg: oktaEvent(set("eventType", "user.session.end")),
			want: map[string]string{"action": "token.revoke", "token.id": "idxyNcxVX2ESsSL0u462548Qg", "token.owner": "ana@acme.example"}},
		{name: "an admin ends another's session", msg: oktaEvent(set("eventType", "user.session.end"),
			set("actor", obj{"id": "00uadmin1", "type": "User", "alternateId": "sec-admin@acme.example"}),
			set("debugContext.debugData.endedSessionId", "idxffK-esRDSrC5m0ly-Kma9A"),
			set("target", []any{obj{"id": "00u1abvz4pYqdM8ms4x6", "type": "User", "alternateId": "ana@acme.example"}})),
			want: map[string]string{"action": "token.revoke", "token.id": "idxffK-esRDSrC5m0ly-Kma9A", "token.owner": "ana@acme.example",
				"actor.id": "sec-admin@acme.example"}},
		{name: "failed sign-in has no session", msg: oktaEvent(set("outcome", obj{"result": "FAILURE", "reason": "INVALID_CREDENTIALS"}),
			set("authenticationContext.externalSessionId", nil)), want: map[string]string{"action": "user.session.start", "outcome": "failure",
			"token.id": "", "attrs.okta.reason": "INVALID_CREDENTIALS", "attrs.okta.result": "FAILURE"}},
		{name: "unknown session is none", msg: oktaEvent(set("authenticationContext.externalSessionId", "unknown"), set("eventType", "user.authentication.sso")),
			want: map[string]string{"action": "user.authentication.sso", "token.id": "", "session_id": ""}},
		{name: "policy denies", msg: oktaEvent(set("eventType", "policy.evaluate_sign_on"), set("outcome", obj{"result": "DENY", "reason": "Sign-on policy evaluation resulted in DENY"})),
			want: map[string]string{"outcome": "denied", "attrs.okta.result": "DENY", "attrs.operation": "policy.evaluate_sign_on"}},
		{name: "a factor asked for", msg: oktaEvent(set("eventType", "policy.evaluate_sign_on"), set("outcome.result", "CHALLENGE")),
			want: map[string]string{"outcome": "unknown", "attrs.okta.result": "CHALLENGE"}},
		{name: "no outcome", msg: oktaEvent(set("outcome", nil)), want: map[string]string{"outcome": "unknown"}},
		{name: "through an anonymiser", msg: oktaEvent(set("securityContext.isProxy", true), set("debugContext.debugData.threatSuspected", "true")),
			want: map[string]string{"attrs.okta.proxy": "true", "attrs.okta.threat_suspected": "true"}},
	}
	runAdapterCases(t, "", cases)
	runAdapterCases(t, decode.FormatOkta, cases)
}
