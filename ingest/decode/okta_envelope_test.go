package decode_test

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/ingest/decode"
)

// oktaAt is a LogEvent with its own id, event type and time.
func oktaAt(id, eventType, published string) obj {
	var o obj
	if err := json.Unmarshal([]byte(oktaEvent(set("uuid", id), set("eventType", eventType), set("published", published))), &o); err != nil {
		panic(err)
	}
	return o
}

// signOut, signIn and sso are one session's sign-in, use and sign-out.
var (
	signIn  = oktaAt("e-1", "user.session.start", "2026-11-20T14:02:11.718Z")
	sso     = oktaAt("e-2", "user.authentication.sso", "2026-11-20T14:05:00.001Z")
	signOut = oktaAt("e-3", "user.session.end", "2026-11-20T18:00:00Z")
)

// ids lists the events' ids and tenants, in the order decoded.
func ids(t *testing.T, format, msg string) (got []string, de *decode.Error) {
	evs, de := decodeAll(t, format, msg)
	for _, ev := range evs {
		got = append(got, ev.ID+"@"+ev.Tenant)
	}
	return got, de
}

// TestOktaEnvelopes: a page of the System Log API, an event hook's body
// and an EventBridge event from Okta's log stream each give their
// LogEvents, oldest first whatever order they came in, in the org the
// envelope names (else the topic's).
func TestOktaEnvelopes(t *testing.T) {
	hook := func(source string, events ...obj) string {
		return withChanges(obj{"eventType": "com.okta.event_hook", "eventTypeVersion": "1.0", "cloudEventsVersion": "0.1",
			"source": source, "eventId": "85b60edb", "eventTime": "2026-11-20T18:00:01Z", "contentType": "application/json",
			"data": obj{"events": events}}, nil)
	}
	bridge := func(source string, detail obj) string {
		return withChanges(obj{"version": "0", "id": "4ab6d852", "detail-type": "SystemLog", "source": source,
			"account": "999999999999", "time": "2026-11-20T14:02:12Z", "region": "us-east-1", "resources": []any{}, "detail": detail}, nil)
	}
	page := withChanges(obj{"x": []any{signOut, signIn, sso}}, nil)
	page = page[len(`{"x":`) : len(page)-1]
	cases := []struct {
		name, msg string
		want      []string
	}{
		{"API page", page, []string{"e-1@topic-tenant", "e-2@topic-tenant", "e-3@topic-tenant"}},
		{"event hook", hook("https://acme.okta.com/api/v1/eventHooks/who7hphp39JoHLni81d7", sso, signOut, signIn),
			[]string{"e-1@acme", "e-2@acme", "e-3@acme"}},
		{"event hook, preview org", hook("https://acme-test.oktapreview.com/api/v1/eventHooks/who1", signIn), []string{"e-1@acme-test"}},
		{"event hook, custom domain", hook("https://login.acme.example/api/v1/eventHooks/who1", signIn), []string{"e-1@login.acme.example"}},
		{"event hook, no source", hook("", signIn), []string{"e-1@topic-tenant"}},
		{"EventBridge", bridge("aws.partner/okta.com/Acme/acme-security-lake", sso), []string{"e-2@acme"}},
		{"empty page", "[]", nil},
	}
	for _, c := range cases {
		for _, format := range []string{"", decode.FormatOkta} {
			t.Run(c.name+"/"+format, func(t *testing.T) {
				got, de := ids(t, format, c.msg)
				require.Nil(t, de)
				require.Equal(t, c.want, got)
			})
		}
	}
	t.Run("bad record", func(t *testing.T) {
		bad := oktaAt("e-9", "user.session.start", "not a time")
		got, de := ids(t, "", hook("https://acme.okta.com/api/v1/eventHooks/who1", signIn, bad, sso))
		require.Equal(t, []string{"e-1@acme", "e-2@acme"}, got, "the other records are kept")
		require.Equal(t, "data.events[1].published", de.Field)
		_, de = ids(t, "", bridge("aws.partner/okta.com/acme/s", bad))
		require.Equal(t, "detail.published", de.Field)
	})
	t.Run("an array is no contract event", func(t *testing.T) {
		_, de := ids(t, decode.FormatCredwatch, page)
		require.Equal(t, decode.ReasonType, de.Reason)
	})
}
