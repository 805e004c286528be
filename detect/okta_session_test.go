package detect_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/event"
	"github.com/credwatch/credwatch/ingest/decode"
)

// oktaLog is one Okta System Log event, delivered by acme's event hook:
// user does eventType in the session whose root is root (its own id
// external) from ip in AS asn.
type oktaLog struct {
	id, eventType, user, root, external, ip string
	asn                                     int
	at                                      time.Time
}

// decode decodes the hook's body.
func (l oktaLog) decode(t *testing.T) event.Event {
	t.Helper()
	return decodeOne(t, oktaHook(l), l.at, nil)
}

// oktaHook is an event hook's body delivering logs in the order given.
func oktaHook(logs ...oktaLog) string {
	events := make([]string, len(logs))
	for i, l := range logs {
		events[i] = l.json()
	}
	return `{"eventType":"com.okta.event_hook","source":"https://acme.okta.com/api/v1/eventHooks/who1","data":{"events":[` +
		strings.Join(events, ",") + `]}}`
}

// json is the LogEvent as Okta writes it.
func (l oktaLog) json() string {
	return fmt.Sprintf(`{"uuid":%q,"published":%q,"eventType":%q,"version":"0","actor":{"id":"00u-%s","type":"User","alternateId":%q},
		"client":{"ipAddress":%q,"zone":"null","geographicalContext":{"country":"United States"}},"outcome":{"result":"SUCCESS"},
		"authenticationContext":{"rootSessionId":%q,"externalSessionId":%q},"securityContext":{"asNumber":%d,"isProxy":false},
		"transaction":{"type":"WEB","id":"tx-%s","detail":{}},"target":null}`,
		l.id, l.at.Format(time.RFC3339Nano), l.eventType, l.user, l.user, l.ip, l.root, l.external, l.asn, l.id)
}

// oktaDay is user's day at home (AS 7922): a sign-in each morning, whose
// step-up has an id of its own, and apps signed in to through the day.
func oktaDay(t *testing.T, user string, day int) []event.Event {
	root, at := fmt.Sprintf("idx-%s-%d", user, day), t0.Add(time.Duration(day)*24*time.Hour)
	evs := []event.Event{oktaLog{root + "-start", "user.session.start", user, root, root + "-login", "198.51.100.23", 7922, at}.decode(t)}
	for h := 1; h < 9; h += 2 {
		evs = append(evs, oktaLog{fmt.Sprintf("%s-%d", root, h), "user.authentication.sso", user, root, root, "198.51.100.23", 7922,
			at.Add(time.Duration(h) * time.Hour)}.decode(t))
	}
	return evs
}

// oktaHistory is ten days of ana's and raj's sign-ins from home, and the
// afternoon after them.
func oktaHistory(t *testing.T) ([]event.Event, time.Time) {
	var evs []event.Event
	for d := range 10 {
		evs = append(evs, oktaDay(t, "ana@acme.example", d)...)
		evs = append(evs, oktaDay(t, "raj@acme.example", d)...)
	}
	return evs, t0.Add(10*24*time.Hour + 14*time.Hour)
}

// TestOktaSessionReplayedElsewhere: an Okta session opened by a sign-in
// and used minutes later from a network its user never used (a session
// cookie stolen by an adversary-in-the-middle phish, or from a HAR file)
// is minted_then_used_elsewhere, whoever the user and whichever the
// network, though the session's id changes after the sign-in (its root
// does not); not from home (where nothing fires at all), not from the
// network it was opened on, not an hour later.
func TestOktaSessionReplayedElsewhere(t *testing.T) {
	for _, c := range []struct {
		name, user, openIP, useIP, use string
		openASN, useASN                int
		after                          time.Duration
		fires                          bool
	}{
		{"ana's session from a VPS", "ana@acme.example", "198.51.100.23", "185.220.101.4", "user.authentication.sso", 7922, 205100, 4 * time.Minute, true},
		{"raj's session into the admin console from a cloud", "raj@acme.example", "198.51.100.23", "34.90.1.2", "user.session.access_admin_app", 7922, 396982, 25 * time.Minute, true},
		{"opened at a phishing proxy, replayed elsewhere", "ana@acme.example", "45.146.164.110", "185.220.101.4", "user.authentication.sso", 206728, 205100, 2 * time.Minute, true},
		{"used at home", "ana@acme.example", "198.51.100.23", "198.51.100.77", "user.authentication.sso", 7922, 7922, 4 * time.Minute, false},
		{"used elsewhere an hour later", "raj@acme.example", "198.51.100.23", "185.220.101.4", "user.authentication.sso", 7922, 205100, 50 * time.Minute, false},
		{"used where it was opened", "ana@acme.example", "45.146.164.110", "45.146.164.111", "user.authentication.sso", 206728, 206728, 4 * time.Minute, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			evs, at := oktaHistory(t)
			evs = append(evs, oktaLog{"open", "user.session.start", c.user, "idx-stolen", "idx-stolen-login", c.openIP, c.openASN, at}.decode(t),
				oktaLog{"use", c.use, c.user, "idx-stolen", "idx-stolen", c.useIP, c.useASN, at.Add(c.after)}.decode(t))
			got := rulesOf(run(t, newEngine(t), evs))
			require.Equal(t, c.fires, got["minted_then_used_elsewhere"] != nil, "%v", got)
			if c.useASN == 7922 {
				require.Empty(t, got, "a user's own sessions at home raise nothing")
			}
		})
	}
}

// oktaTokenCall is a call to Okta's API by the automation account with
// API token from ip in AS asn: eventType, or the token's creation
// (system.api_token.create) by admin.
func oktaTokenCall(t *testing.T, id, eventType, user, token, ip string, asn int, at time.Time) event.Event {
	t.Helper()
	target, detail := `null`, fmt.Sprintf(`{"requestApiTokenId":%q}`, token)
	if eventType == "system.api_token.create" {
		target, detail = fmt.Sprintf(`[{"id":%q,"type":"Token","alternateId":"unknown","displayName":"automation"}]`, token), `{}`
	}
	msg := fmt.Sprintf(`{"uuid":%q,"published":%q,"eventType":%q,"version":"0","actor":{"id":"00u-%s","type":"User","alternateId":%q},
		"client":{"ipAddress":%q,"zone":"null"},"outcome":{"result":"SUCCESS"},"authenticationContext":{"externalSessionId":"trs-%s"},
		"securityContext":{"asNumber":%d},"transaction":{"type":"WEB","id":"tx-%s","detail":%s},"target":%s}`,
		id, at.Format(time.RFC3339Nano), eventType, user, user, ip, id, asn, id, detail, target)
	return decodeOne(t, `{"eventType":"com.okta.event_hook","source":"https://acme.okta.com/api/v1/eventHooks/who1","data":{"events":[`+msg+`]}}`, at, nil)
}

// TestOktaAPITokenFromANewNetwork: an API token that called Okta from AWS
// (AS 14618) for ten days and then from a network neither it nor its
// account used is first_seen_asn; one created and used minutes later from
// such a network is minted_then_used_elsewhere too; from AWS again, or a
// new token of the same account from AWS, neither.
func TestOktaAPITokenFromANewNetwork(t *testing.T) {
	for _, c := range []struct {
		name, user, token, ip string
		asn                   int
		minted, firstSeen     bool
	}{
		{"sync's token from a VPS", "sync@acme.example", "00Tsync", "185.220.101.4", 205100, false, true},
		{"scim's token from a home ISP", "scim@acme.example", "00Tscim", "73.12.40.9", 7922, false, true},
		{"a new token, made and used from a VPS", "sync@acme.example", "00Tnew", "185.220.101.4", 205100, true, true},
		{"from AWS again", "scim@acme.example", "00Tscim", "52.95.110.1", 14618, false, false},
		{"a new token from AWS", "sync@acme.example", "00Tnew", "52.95.110.2", 14618, false, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			var evs []event.Event
			for _, u := range []struct{ user, token string }{{"sync@acme.example", "00Tsync"}, {"scim@acme.example", "00Tscim"}} {
				for h := 0; h < 240; h += 4 {
					evs = append(evs, oktaTokenCall(t, fmt.Sprintf("%s-%d", u.token, h), "user.lifecycle.update", u.user, u.token,
						"52.95.110.9", 14618, t0.Add(time.Duration(h)*time.Hour)))
				}
			}
			at := t0.Add(241 * time.Hour)
			if c.token == "00Tnew" {
				evs = append(evs, oktaTokenCall(t, "made", "system.api_token.create", c.user, c.token, "198.51.100.23", 7922, at.Add(-5*time.Minute)))
			}
			evs = append(evs, oktaTokenCall(t, "x", "group.user_membership.add", c.user, c.token, c.ip, c.asn, at))
			got := rulesOf(run(t, newEngine(t), evs))
			require.Equal(t, c.firstSeen, got["first_seen_asn"] != nil, "%v", got)
			require.Equal(t, c.minted, got["minted_then_used_elsewhere"] != nil, "%v", got)
		})
	}
}

// TestOktaReplayDeliveredOutOfOrder: a hook or an API page may hand the
// replay over before the sign-in that opened the session (a page lists
// newest first, a hook in no set order); the decoder orders them, so the
// replay is still minted_then_used_elsewhere, whichever user and delivery.
// Fed to the engine in the order delivered, it would not be.
func TestOktaReplayDeliveredOutOfOrder(t *testing.T) {
	for _, c := range []struct{ name, user, delivery string }{
		{"ana's, by hook", "ana@acme.example", "hook"},
		{"raj's, in an API page", "raj@acme.example", "page"},
	} {
		t.Run(c.name, func(t *testing.T) {
			evs, at := oktaHistory(t)
			open := oktaLog{"open", "user.session.start", c.user, "idx-stolen", "idx-stolen-login", "198.51.100.23", 7922, at}
			use := oktaLog{"use", "user.authentication.sso", c.user, "idx-stolen", "idx-stolen", "185.220.101.4", 205100, at.Add(6 * time.Minute)}
			msg, sources := oktaHook(use, open), decode.Sources{}
			if c.delivery == "page" {
				msg, sources = "["+use.json()+","+open.json()+"]", decode.Sources{DefaultTenant: "acme"}
			}
			delivered := decodeMany(t, msg, use.at, sources)
			require.Equal(t, []string{"open", "use"}, []string{delivered[0].ID, delivered[1].ID})
			got := rulesOf(run(t, newEngine(t), append(evs, delivered...)))
			require.NotNil(t, got["minted_then_used_elsewhere"], "%v", got)
			got = rulesOf(run(t, newEngine(t), append(evs, delivered[1], delivered[0])))
			require.Nil(t, got["minted_then_used_elsewhere"], "in the order delivered: %v", got)
		})
	}
}
