package detect_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/event"
	"github.com/credwatch/credwatch/ingest/decode"
	"github.com/credwatch/credwatch/redact"
)

// entraSignIn is an Entra ID sign-in record as a diagnostic setting
// exports it: user signs in to session from ip in AS asn, interactively
// or not (redeeming the session's refresh token).
func entraSignIn(t *testing.T, id, user, session string, at time.Time, ip string, asn int, interactive bool) event.Event {
	t.Helper()
	category, incoming := "SignInLogs", "none"
	if !interactive {
		category, incoming = "NonInteractiveUserSignInLogs", "refreshToken"
	}
	msg := fmt.Sprintf(`{"time":%q,"resourceId":"/tenants/t-acme/providers/Microsoft.aadiam","operationName":"Sign-in activity",
		"category":%q,"tenantId":"t-acme","resultType":"0","properties":{"id":%q,"userPrincipalName":%q,"appId":"d3590ed6",
		"ipAddress":%q,"autonomousSystemNumber":%d,"sessionId":%q,"incomingTokenType":%q,"homeTenantId":"t-acme",
		"resourceTenantId":"t-acme","status":{"errorCode":0},"location":{"countryOrRegion":"US"}}}`,
		at.Format(time.RFC3339Nano), category, id, user, ip, asn, session, incoming)
	return decodeEntra(t, msg, at)
}

// entraHistory is ten days of user's sessions from home (AS 7922): one
// opened each morning and redeemed through the day.
func entraHistory(t *testing.T, user string) []event.Event {
	var evs []event.Event
	for d := range 10 {
		session, at := fmt.Sprintf("%s-s%d", user, d), t0.Add(time.Duration(d)*24*time.Hour)
		evs = append(evs, entraSignIn(t, session+"-0", user, session, at, "198.51.100.23", 7922, true))
		for h := 1; h < 9; h += 2 {
			evs = append(evs, entraSignIn(t, fmt.Sprintf("%s-%d", session, h), user, session, at.Add(time.Duration(h)*time.Hour), "198.51.100.23", 7922, false))
		}
	}
	return evs
}

// TestEntraSessionRedeemedElsewhere: a session opened by an interactive
// sign-in and redeemed minutes later from a network its user never used
// (an adversary-in-the-middle phish's stolen session) is
// minted_then_used_elsewhere, whoever the user and whichever the network;
// not from home (where nothing fires at all), not from the network it was
// opened on, not an hour later.
func TestEntraSessionRedeemedElsewhere(t *testing.T) {
	for _, c := range []struct {
		name, user, openIP, useIP string
		openASN, useASN           int
		after                     time.Duration
		fires                     bool
	}{
		{"alice's session from a VPS", "alice@acme.example", "198.51.100.23", "185.220.101.4", 7922, 205100, 4 * time.Minute, true},
		{"bob's session from a cloud", "bob@acme.example", "198.51.100.23", "34.90.1.2", 7922, 396982, 25 * time.Minute, true},
		{"opened at a proxy, redeemed elsewhere", "alice@acme.example", "45.146.164.110", "185.220.101.4", 206728, 205100, 2 * time.Minute, true},
		{"redeemed at home", "alice@acme.example", "198.51.100.23", "198.51.100.77", 7922, 7922, 4 * time.Minute, false},
		{"redeemed elsewhere an hour later", "bob@acme.example", "198.51.100.23", "185.220.101.4", 7922, 205100, 50 * time.Minute, false},
		{"redeemed where it was opened", "alice@acme.example", "45.146.164.110", "45.146.164.111", 206728, 206728, 4 * time.Minute, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			at := t0.Add(10*24*time.Hour + 14*time.Hour)
			evs := append(entraHistory(t, "alice@acme.example"), entraHistory(t, "bob@acme.example")...)
			evs = append(evs, entraSignIn(t, "open", c.user, "stolen", at, c.openIP, c.openASN, true),
				entraSignIn(t, "use", c.user, "stolen", at.Add(c.after), c.useIP, c.useASN, false))
			got := rulesOf(run(t, newEngine(t), evs))
			require.Equal(t, c.fires, got["minted_then_used_elsewhere"] != nil, "%v", got)
			if c.useASN == 7922 {
				require.Empty(t, got, "a user's own sessions at home raise nothing")
			}
		})
	}
}

// decodeEntra decodes one Entra ID record received at at.
func decodeEntra(t *testing.T, msg string, at time.Time) event.Event {
	return decodeOne(t, msg, at, nil)
}

// decodeOne decodes a message of one event received at at, naming its
// networks' AS with networks (none: nil).
func decodeOne(t *testing.T, msg string, at time.Time, networks decode.Networks) event.Event {
	t.Helper()
	return decodeFrom(t, msg, at, decode.Sources{Networks: networks})
}

// decodeFrom decodes a message of one event received at at, from a topic
// whose sources are s.
func decodeFrom(t *testing.T, msg string, at time.Time, s decode.Sources) event.Event {
	t.Helper()
	evs := decodeMany(t, msg, at, s)
	require.Len(t, evs, 1)
	return evs[0]
}

// decodeMany decodes a message of events received at at, in the order the
// decoder hands them on.
func decodeMany(t *testing.T, msg string, at time.Time, s decode.Sources) []event.Event {
	t.Helper()
	red, err := redact.New([]byte("vendor-test-key-0123456789abc"))
	require.NoError(t, err)
	evs, err := decode.New(red, func() time.Time { return at }, decode.DefaultLimits()).
		WithSources(s).DecodeMessage([]byte(msg), "vendor")
	require.NoError(t, err)
	return append([]event.Event(nil), evs...) // the decoder reuses its slice
}
