package decode_test

import (
	"testing"

	"github.com/credwatch/credwatch/ingest/decode"
)

// apiToken is the Token target of an API token's creation or revocation.
var apiToken = []any{obj{"id": "00T94e3cn9kSEO3c51s5", "type": "Token", "alternateId": "unknown", "displayName": "terraform-prod", "detailEntry": nil}}

// grantTargets are an access token's grant: the user it is for, the token.
func grantTargets(kind, id string) []any {
	return []any{obj{"id": "00u1abvz4pYqdM8ms4x6", "type": "User", "alternateId": nil, "displayName": nil},
		obj{"id": id, "type": kind, "alternateId": nil, "displayName": "Access Token",
			"detailEntry": obj{"expires": "2026-11-20T15:02:11.000Z", "subject": "00u1abvz4pYqdM8ms4x6", "hash": "QC5tNrS5U1QuE1PdEOz+14qv340noOt1k+HvHoin86U="}}}
}

// oauthClient is the service app a token was granted to.
var oauthClient = obj{"id": "0oa8f3k2lmQx9PzZa5d7", "type": "PublicClientApp", "alternateId": "0oa8f3k2lmQx9PzZa5d7", "displayName": "backup-sync"}

// TestOktaAPITokens: an API token (SSWS) is created and revoked by its id,
// and a request made with it is its use, whoever made it and however the
// transaction names it.
func TestOktaAPITokens(t *testing.T) {
	suspend := []func(obj){set("eventType", "user.lifecycle.suspend"), set("authenticationContext.externalSessionId", "trsxcsf59kYRG-GwAbWjw-PZA"),
		set("client.userAgent.rawUserAgent", "Go-http-client/2.0"), set("target", []any{obj{"id": "00u9bob", "type": "User", "alternateId": "bob@acme.example"}})}
	cases := []adapterCase{
		{name: "created", msg: oktaEvent(set("eventType", "system.api_token.create"), set("target", apiToken)),
			want: map[string]string{"action": "token.create", "token.id": "00T94e3cn9kSEO3c51s5", "token.owner": "ana@acme.example", "token.kind": "",
				"token.created_at": "2026-11-20T14:02:11.718Z", "attrs.okta.token_name": "terraform-prod", "resource.id": ""}},
		{name: "revoked", msg: oktaEvent(set("eventType", "system.api_token.revoke"), set("target", apiToken)),
			want: map[string]string{"action": "token.revoke", "token.id": "00T94e3cn9kSEO3c51s5", "token.created_at": ""}},
		{name: "creation refused", msg: oktaEvent(set("eventType", "system.api_token.create"), set("target", apiToken), set("outcome.result", "FAILURE")),
			want: map[string]string{"action": "token.create", "outcome": "failure", "token.created_at": ""}},
		{name: "used", msg: oktaEvent(append(suspend, set("transaction.detail.requestApiTokenId", "00T94e3cn9kSEO3c51s5"))...),
			want: map[string]string{"attrs.operation": "user.lifecycle.suspend", "token.id": "00T94e3cn9kSEO3c51s5", "token.owner": "ana@acme.example",
				"token.kind": "", "session_id": "trsxcsf59kYRG-GwAbWjw-PZA", "resource.id": "00u9bob", "source.user_agent": "Go-http-client/2.0"}},
		{name: "used, root token named", msg: oktaEvent(append(suspend, set("transaction.detail", obj{"requestApiTokenId": "00Tchild", "rootApiTokenId": "00Troot"}))...),
			want: map[string]string{"token.id": "00Troot", "attrs.okta.request_token": "00Tchild"}},
		{name: "a job, no token", msg: oktaEvent(append(suspend, set("transaction", obj{"type": "JOB", "id": "job-1", "detail": nil}))...),
			want: map[string]string{"token.id": "trsxcsf59kYRG-GwAbWjw-PZA", "attrs.okta.transaction_type": "JOB"}},
	}
	runAdapterCases(t, "", cases)
	runAdapterCases(t, decode.FormatOkta, cases)
}

// TestOktaOAuthTokens: an OAuth token granted by an authorization server
// (the org's or a custom one) is created, revoked and, when a refresh
// token comes back after rotation, its reuse is seen.
func TestOktaOAuthTokens(t *testing.T) {
	grant := func(eventType string, changes ...func(obj)) string {
		return oktaEvent(append([]func(obj){set("eventType", eventType), set("actor", oauthClient), set("target", grantTargets("access_token", "AT.0mP4JKAZX1iACIT4vbEDF7Lp")),
			set("authenticationContext.externalSessionId", "unknown"), set("debugContext.debugData", obj{"grantType": "client_credentials",
				"grantedScopes": "okta.users.read, okta.logs.read", "requestUri": "/oauth2/v1/token"})}, changes...)...)
	}
	cases := []adapterCase{
		{name: "org server grants", msg: grant("app.oauth2.token.grant.access_token"), want: map[string]string{"action": "token.create",
			"actor.id": "0oa8f3k2lmQx9PzZa5d7", "actor.type": "service", "token.id": "AT.0mP4JKAZX1iACIT4vbEDF7Lp", "token.kind": "oauth",
			"token.owner": "00u1abvz4pYqdM8ms4x6", "token.scopes": "okta.users.read,okta.logs.read", "attrs.okta.token_type": "access_token",
			"attrs.okta.grant_type": "client_credentials", "attrs.okta.token_expires": "2026-11-20T15:02:11.000Z", "session_id": ""}},
		{name: "custom server grants a refresh token", msg: grant("app.oauth2.as.token.grant.refresh_token", set("target", grantTargets("refresh_token", "oar579Mcp7OUsNTlo0g3"))),
			want: map[string]string{"action": "token.create", "token.id": "oar579Mcp7OUsNTlo0g3", "attrs.okta.token_type": "refresh_token"}},
		{name: "the user from the token's subject", msg: grant("app.oauth2.as.token.grant.access_token", set("target", grantTargets("access_token", "AT.x")[1:])),
			want: map[string]string{"token.owner": "00u1abvz4pYqdM8ms4x6"}},
		{name: "by the hash when no id", msg: grant("app.oauth2.token.grant.access_token", set("target", []any{obj{"type": "access_token", "detailEntry": obj{"hash": "h1"}}})),
			want: map[string]string{"token.id": "okta_token_hash:h1", "token.owner": "0oa8f3k2lmQx9PzZa5d7"}},
		{name: "space-separated scopes", msg: grant("app.oauth2.token.grant.access_token", set("debugContext.debugData.grantedScopes", "openid profile")),
			want: map[string]string{"token.scopes": "openid,profile"}},
		{name: "grant refused", msg: grant("app.oauth2.as.token.grant", set("outcome", obj{"result": "FAILURE", "reason": "no_matching_scope"}), set("target", nil)),
			want: map[string]string{"action": "app.oauth2.as.token.grant", "outcome": "failure", "token.id": "", "attrs.okta.reason": "no_matching_scope"}},
		{name: "an id token is no credential", msg: grant("app.oauth2.as.token.grant.id_token", set("target", grantTargets("id_token", "ID.oQzC"))),
			want: map[string]string{"action": "app.oauth2.as.token.grant.id_token", "token.id": ""}},
		{name: "revoked", msg: grant("app.oauth2.as.token.revoke"), want: map[string]string{"action": "token.revoke", "token.id": "AT.0mP4JKAZX1iACIT4vbEDF7Lp"}},
		{name: "refresh token reused", msg: grant("app.oauth2.as.token.detect_reuse", set("target", grantTargets("refresh_token", "oarOLD")), set("outcome.result", "DENY")),
			want: map[string]string{"action": "token.use", "outcome": "denied", "token.id": "oarOLD", "attrs.okta.reuse_detected": "true"}},
		{name: "the client calls Okta's API with it", msg: oktaEvent(set("eventType", "group.user_membership.add"), set("actor", oauthClient),
			set("authenticationContext.externalSessionId", "unknown"), set("transaction.detail.rootApiTokenId", "AT.0mP4JKAZX1iACIT4vbEDF7Lp")),
			want: map[string]string{"attrs.operation": "group.user_membership.add", "token.id": "AT.0mP4JKAZX1iACIT4vbEDF7Lp", "token.kind": "oauth",
				"token.owner": "0oa8f3k2lmQx9PzZa5d7"}},
	}
	runAdapterCases(t, "", cases)
	runAdapterCases(t, decode.FormatOkta, cases)
}
