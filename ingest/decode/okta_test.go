package decode_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/ingest/decode"
)

// TestOktaActorsAndSources: who acted (a user, an OAuth client, Okta
// itself, an address ThreatInsight flagged) and from where (IPv4, IPv6,
// private, only in the address chain, none), however Okta wrote it.
func TestOktaActorsAndSources(t *testing.T) {
	system := obj{"id": "spr294puarJOdUsWD1t7", "type": "SystemPrincipal", "alternateId": "system@okta.com", "displayName": "Okta System"}
	noClient := obj{"userAgent": nil, "zone": nil, "device": nil, "id": nil, "ipAddress": nil, "geographicalContext": nil}
	cases := []adapterCase{
		{name: "Okta itself", msg: oktaEvent(set("eventType", "user.lifecycle.deactivate"), set("actor", system), set("client", noClient),
			set("request.ipChain", []any{}), set("securityContext", obj{"asNumber": nil, "asOrg": nil, "isp": nil, "domain": nil, "isProxy": nil})),
			want: map[string]string{"actor.id": "spr294puarJOdUsWD1t7", "actor.type": "service", "attrs.okta.actor_login": "system@okta.com",
				"token.id": "", "source.ip": "", "source.asn": "", "source.country": "", "warnings": ""}},
		{name: "ThreatInsight's address", msg: oktaEvent(set("eventType", "security.threat.detected"),
			set("actor", obj{"id": "185.220.101.4", "type": "IP address", "alternateId": "unknown", "displayName": "185.220.101.4"}),
			set("outcome", obj{"result": "RATE_LIMIT", "reason": "Password Spray"})),
			want: map[string]string{"actor.id": "185.220.101.4", "actor.type": "anonymous", "outcome": "denied", "token.id": ""}},
		{name: "a user Okta does not know", msg: oktaEvent(set("actor", obj{"id": "unknown", "type": "User", "alternateId": "unknown"}),
			set("outcome.result", "FAILURE"), set("authenticationContext.externalSessionId", nil)),
			want: map[string]string{"actor.id": "", "actor.type": "", "outcome": "failure"}},
		{name: "IPv6", msg: oktaEvent(set("client.ipAddress", "2001:db8:ab::17")), want: map[string]string{"source.ip": "2001:db8:ab::17"}},
		{name: "private address", msg: oktaEvent(set("client.ipAddress", "10.4.0.9")), want: map[string]string{"source.ip": "10.4.0.9", "source.internal": "true"}},
		{name: "the chain's first hop", msg: oktaEvent(set("client.ipAddress", nil)), want: map[string]string{"source.ip": "198.51.100.23"}},
		{name: "not an address", msg: oktaEvent(set("client.ipAddress", "nowhere")),
			want: map[string]string{"source.ip": "", "warnings": "client.ipAddress:invalid_value"}},
		{name: "AS as text", msg: oktaEvent(set("securityContext.asNumber", "16509")), want: map[string]string{"source.asn": "16509"}},
		{name: "AS not a number", msg: oktaEvent(set("securityContext.asNumber", "AS16509")),
			want: map[string]string{"source.asn": "", "warnings": "securityContext.asNumber:invalid_value"}},
		{name: "no country", msg: oktaEvent(set("client.geographicalContext.country", nil)), want: map[string]string{"source.country": "", "warnings": ""}},
		{name: "country empty", msg: oktaEvent(set("client.geographicalContext.country", "")), want: map[string]string{"source.country": ""}},
		{name: "country as a code", msg: oktaEvent(set("client.geographicalContext.country", "de")), want: map[string]string{"source.country": "DE"}},
		{name: "country not one", msg: oktaEvent(set("client.geographicalContext.country", "Atlantis")),
			want: map[string]string{"source.country": "", "warnings": "client.geographicalContext.country:invalid_value"}},
		{name: "latitude off the globe", msg: oktaEvent(set("client.geographicalContext.geolocation.lat", 123.4)),
			want: map[string]string{"source.lat": "", "source.lon": "", "warnings": "client.geographicalContext.geolocation.lat:invalid_value"}},
		{name: "Null Island is no place", msg: oktaEvent(set("client.geographicalContext.geolocation", obj{"lat": 0.0, "lon": 0})),
			want: map[string]string{"source.lat": "", "source.lon": "", "warnings": "client.geographicalContext.geolocation:placeholder"}},
		{name: "a named zone", msg: oktaEvent(set("client.zone", "Corp VPN")), want: map[string]string{"attrs.okta.zone": "Corp VPN"}},
		{name: "targets not a list", msg: oktaEvent(set("target", "none")), want: map[string]string{"warnings": "target:wrong_type"}},
	}
	runAdapterCases(t, "", cases)
	runAdapterCases(t, decode.FormatOkta, cases)
}

// TestOktaRejects: what no LogEvent can do without.
func TestOktaRejects(t *testing.T) {
	cases := []adapterCase{
		{name: "no time", msg: oktaEvent(set("published", remove)), errAt: "published", errWhy: decode.ReasonMissing},
		{name: "time not one", msg: oktaEvent(set("published", "yesterday")), errAt: "published", errWhy: decode.ReasonBadTime},
		{name: "no event type", msg: oktaEvent(set("eventType", "")), errAt: "eventType", errWhy: decode.ReasonMissing},
		{name: "event type not text", msg: oktaEvent(set("eventType", 7)), errAt: "eventType", errWhy: decode.ReasonType},
	}
	runAdapterCases(t, decode.FormatOkta, cases)
}

// TestOktaNeedsATenant: a LogEvent names no org; without an envelope that
// does, the topic's tenant is needed.
func TestOktaNeedsATenant(t *testing.T) {
	_, err := newDecoder(t).DecodeMessage([]byte(oktaEvent()), "okta-logs")
	var de *decode.Error
	require.ErrorAs(t, err, &de)
	require.Equal(t, "tenant", de.Field)
	require.Contains(t, de.Detail, "--topic-tenant")
	evs, err := newDecoder(t).WithSources(decode.Sources{TopicTenants: map[string]string{"okta-logs": "acme"}}).DecodeMessage([]byte(oktaEvent()), "okta-logs")
	require.NoError(t, err)
	require.Equal(t, "acme", evs[0].Tenant)
}
