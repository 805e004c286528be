package decode_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/ingest/decode"
)

// userSignIn is alice's interactive sign-in to the Azure portal from
// 198.51.100.23 (AS 7922, the United States), which opened session
// sess-1, as a diagnostic setting exports it.
func userSignIn(changes ...func(obj)) string {
	return withChanges(obj{
		"time": "2026-11-22T16:40:03.5Z", "resourceId": "/tenants/t-acme/providers/Microsoft.aadiam", "operationName": "Sign-in activity",
		"category": "SignInLogs", "tenantId": "t-acme", "resultType": "0", "correlationId": "c-u1", "identity": "Alice Example",
		"properties": obj{"id": "si-u1", "userPrincipalName": "alice@acme.example", "userId": "u-alice", "appId": "c44b4083",
			"appDisplayName": "Azure Portal", "ipAddress": "198.51.100.23", "status": obj{"errorCode": 0}, "sessionId": "sess-1",
			"incomingTokenType": "none", "isInteractive": true, "homeTenantId": "t-acme", "resourceTenantId": "t-acme",
			"autonomousSystemNumber": 7922, "clientAppUsed": "Browser", "authenticationRequirement": "multiFactorAuthentication",
			"crossTenantAccessType": "none", "uniqueTokenIdentifier": "uti-u1", "riskLevelDuringSignIn": "none",
			"userAgent": "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5)", "location": obj{"city": "Chicago", "countryOrRegion": "US"}},
	}, changes)
}

// TestAzureUserSignIns: an interactive sign-in opens a session (a token
// created), a non-interactive one redeems the session's refresh token (a
// token used), one without a session is a logon; by a member or a guest
// from another tenant, from any network, succeeded or not.
func TestAzureUserSignIns(t *testing.T) {
	nonInteractive := []func(obj){set("category", "NonInteractiveUserSignInLogs"), set("properties.isInteractive", false),
		set("properties.incomingTokenType", "refreshToken"), set("properties.ipAddress", "185.220.101.4"),
		set("properties.autonomousSystemNumber", 205100), set("properties.location.countryOrRegion", "DE")}
	cases := []adapterCase{
		{name: "session opened", msg: userSignIn(), want: map[string]string{"id": "si-u1", "action": "token.create", "outcome": "success",
			"tenant": "t-acme", "actor.id": "alice@acme.example", "actor.type": "user", "token.id": "sess-1", "token.kind": "session",
			"token.owner": "alice@acme.example", "token.tenant": "t-acme", "token.created_at": "2026-11-22T16:40:03.5Z", "session_id": "sess-1",
			"source.ip": "198.51.100.23", "source.asn": "7922", "source.country": "US", "source.user_agent": "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5)",
			"attrs.azure.object_id": "u-alice", "attrs.azure.app_id": "c44b4083", "attrs.azure.app_name": "Azure Portal",
			"attrs.azure.incoming_token_type": "", "attrs.azure.cross_tenant": "", "attrs.azure.risk": "", "attrs.azure.token_uti": "uti-u1",
			"attrs.azure.authentication": "multiFactorAuthentication", "attrs.azure.client_app": "Browser", "warnings": ""}},
		{name: "refresh token redeemed elsewhere", msg: userSignIn(nonInteractive...), want: map[string]string{"action": "token.use",
			"token.id": "sess-1", "token.created_at": "", "source.ip": "185.220.101.4", "source.asn": "205100", "source.country": "DE",
			"attrs.azure.incoming_token_type": "refreshToken", "attrs.azure.category": "NonInteractiveUserSignInLogs"}},
		{name: "non-interactive, token type not said", msg: userSignIn(set("category", "NonInteractiveUserSignInLogs"),
			set("properties.incomingTokenType", remove)), want: map[string]string{"action": "token.use", "token.id": "sess-1"}},
		{name: "interactive with a primary refresh token", msg: userSignIn(set("properties.incomingTokenType", "primaryRefreshToken")),
			want: map[string]string{"action": "token.use", "attrs.azure.incoming_token_type": "primaryRefreshToken"}},
		{name: "wrong password", msg: userSignIn(set("resultType", "50126"), set("properties.sessionId", remove),
			set("properties.status", obj{"errorCode": 50126, "failureReason": "Invalid username or password."})),
			want: map[string]string{"action": "auth.logon", "outcome": "failure", "token.id": "", "session_id": "",
				"attrs.azure.result": "50126", "actor.id": "alice@acme.example"}},
		{name: "account locked", msg: userSignIn(set("resultType", "50053"), set("properties.status.errorCode", 50053)),
			want: map[string]string{"outcome": "denied", "action": "token.create", "token.created_at": ""}},
		{name: "MFA not answered", msg: userSignIn(set("resultType", "50074"), set("properties.status.errorCode", 50074)),
			want: map[string]string{"outcome": "failure", "attrs.azure.result": "50074"}},
		{name: "guest from a partner tenant", msg: userSignIn(set("properties.userPrincipalName", "bob_partner.example#EXT#@acme.onmicrosoft.com"),
			set("properties.homeTenantId", "T-PARTNER"), set("properties.crossTenantAccessType", "b2bCollaboration")),
			want: map[string]string{"tenant": "t-acme", "token.tenant": "t-partner", "attrs.azure.home_tenant": "t-partner",
				"attrs.azure.cross_tenant": "b2bCollaboration", "actor.id": "bob_partner.example#EXT#@acme.onmicrosoft.com"}},
		{name: "risky", msg: userSignIn(set("properties.riskLevelDuringSignIn", "high")), want: map[string]string{"attrs.azure.risk": "high"}},
		{name: "by object id alone", msg: userSignIn(set("properties.userPrincipalName", remove)),
			want: map[string]string{"actor.id": "u-alice", "actor.type": "user"}},
		{name: "no category, told by the operation", msg: userSignIn(set("category", remove)),
			want: map[string]string{"action": "token.create", "actor.id": "alice@acme.example", "attrs.azure.category": ""}},
		{name: "no category, an app by the operation", msg: spSignIn(set("category", remove)),
			want: map[string]string{"action": "token.use", "actor.id": "0d4c7e21", "actor.type": "service"}},
		{name: "location not an object", msg: userSignIn(set("properties.location", "US")),
			want: map[string]string{"source.country": "", "warnings": "properties.location:wrong_type"}},
	}
	runAdapterCases(t, "", cases)
	runAdapterCases(t, decode.FormatAzure, cases)
}

// TestAzureSignInRecordsInAnyOrder: a diagnostic export's records mix the
// sign-in logs with Key Vault's; each record maps as its own kind
// whichever comes first, and they are handed on oldest first.
func TestAzureSignInRecordsInAnyOrder(t *testing.T) {
	msgs := []string{spSignIn(), kvEntry(), userSignIn(), miSignIn()}
	want := map[string]string{}
	for i, m := range msgs {
		evs, de := decodeAll(t, "", m)
		require.Nil(t, de)
		require.Len(t, evs, 1)
		want[evs[0].ID] = []string{"token.use", "secret.read", "token.create", "token.create"}[i]
	}
	require.Len(t, want, len(msgs), "the records have ids of their own")
	for _, order := range [][]int{{0, 1, 2, 3}, {3, 2, 1, 0}, {1, 3, 0, 2}} {
		body := `{"records":[`
		for i, j := range order {
			if i > 0 {
				body += ","
			}
			body += msgs[j]
		}
		evs, de := decodeAll(t, "", body+"]}")
		require.Nil(t, de)
		require.Len(t, evs, len(order))
		for i, ev := range evs {
			require.Equal(t, want[ev.ID], ev.Action, "record %d of order %v", i, order)
			require.False(t, i > 0 && ev.Time.Before(evs[i-1].Time), "oldest first, order %v", order)
		}
	}
}
