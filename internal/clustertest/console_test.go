package clustertest

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/console"
	"github.com/credwatch/credwatch/console/access"
	"github.com/credwatch/credwatch/console/audit"
	"github.com/credwatch/credwatch/event"
	"github.com/credwatch/credwatch/internal/testenv"
	"github.com/credwatch/credwatch/respond"
	"github.com/credwatch/credwatch/store"
)

// consoleSite is the console served on node i of the cluster, an admin's
// token and the first-seen network alert of warmStartAndSink.
type consoleSite struct {
	base, token string
	alertID     string
}

// startConsole serves the console on node i's store, as credwatch serve does.
func (c *cluster) startConsole(t *testing.T, i int) *consoleSite {
	ctx := context.Background()
	st := c.open(t, i)
	users := access.NewStore(st, time.Now)
	token, err := users.Add(ctx, "cluster-admin", access.Admin, nil)
	require.NoError(t, err)
	actions, err := audit.NewLog(ctx, st, time.Now, nil)
	require.NoError(t, err)
	srv := httptest.NewServer(console.New(console.Config{Store: st, Users: users, Actions: actions, Now: time.Now,
		Log: quiet(), PlainHTTP: true, Lookup: users}).Handler())
	t.Cleanup(srv.Close)
	var id string
	require.NoError(t, st.Conn().QueryRow(ctx, "SELECT id FROM alerts FINAL WHERE tenant = 'acme' AND "+
		"credential = 'tok-moved' AND rule = 'first_seen_asn'").Scan(&id))
	return &consoleSite{base: srv.URL, token: token, alertID: id}
}

// call sends a request with the admin's token; the status must be want.
func (s *consoleSite) call(t *testing.T, method, path string, body any, want int) string {
	t.Helper()
	var r io.Reader
	if body != nil {
		b, err := json.Marshal(body)
		require.NoError(t, err)
		r = strings.NewReader(string(b))
	}
	req, err := http.NewRequest(method, s.base+path, r)
	require.NoError(t, err)
	req.Header.Set("Authorization", "Bearer "+s.token)
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	out, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	require.Equal(t, want, resp.StatusCode, "%s %s: %s", method, path, out)
	return string(out)
}

// forensicEvents are a secret read and a use of tok-moved in another
// tenant, stored through node i's Distributed tables.
func forensicEvents(t *testing.T, st *store.Store, now time.Time) {
	read := use{id: "f-read", token: "tok-known", asn: 1, at: now.Add(-20 * time.Minute)}.record()
	read.Event.Action = "secret.read"
	read.Event.Secret = event.Secret{ID: "sec-db", Name: "DB_PASSWORD", Tenant: "acme", Workload: "space/acme/app"}
	read.Event.Workload = event.Workload{ID: "space/acme/app", BuildID: "build-7", Phase: "runtime"}
	cross := use{id: "f-cross", token: "tok-moved", asn: 2, at: now.Add(-10 * time.Minute)}.record()
	cross.Event.Tenant, cross.Event.Token.Tenant = "globex", "acme"
	cross.Event.Resource = event.Resource{Type: "model", ID: "globex/private-model", Visibility: "private"}
	require.NoError(t, st.InsertEvents(context.Background(), []store.Record{read, cross}, now))
}

// consoleOnCluster: every console query (the alert queue and page, triage,
// a credential's timeline, a secret's readers, an actor's activity,
// cross-access, search, suppressions, responses and their approval) answers
// through the Distributed tables, with the rows of every shard.
func (c *cluster) consoleOnCluster(t *testing.T, i int) {
	now := time.Now()
	st := c.open(t, i)
	forensicEvents(t, st, now)
	s := c.startConsole(t, i)
	outbox := respond.NewOutbox(st)
	intent := respond.Intent{ID: "int-cluster", Tenant: "acme", Credential: "tok-moved", Action: respond.ActionRevoke,
		State: respond.StateProposed, Seq: 1, Decision: "approve", AlertID: s.alertID, AlertTenant: "acme",
		Rule: "first_seen_asn", Severity: "medium", By: respond.ByRespond, Created: now, At: now}
	require.NoError(t, outbox.Record(context.Background(), intent))

	require.Contains(t, s.call(t, "GET", "/api/v1/alerts?tenant=acme", nil, 200), s.alertID)
	page := s.call(t, "GET", "/api/v1/alerts/acme/"+s.alertID, nil, 200)
	require.Contains(t, page, "l-moved", "its evidence")
	require.Contains(t, page, "int-cluster", "its response")
	s.call(t, "POST", "/api/v1/alerts/acme/"+s.alertID+"/acknowledge", nil, 200)
	s.eventuallyContains(t, "/api/v1/alerts/acme/"+s.alertID+"/triage", "acknowledge")

	var tl console.Timeline
	since := url.Values{"from": {now.Add(-11 * 24 * time.Hour).UTC().Format(time.RFC3339)}}.Encode()
	require.NoError(t, json.Unmarshal([]byte(s.call(t, "GET", "/api/v1/credentials/tok-moved/timeline?"+since, nil, 200)), &tl))
	require.Len(t, tl.Events, 30+2, "ten days of history, the live use and the cross-tenant use, from every shard")
	require.Equal(t, []console.NetworkUse{{ASN: 1, Country: "US", Events: 30}, {ASN: 2, Country: "US", Events: 2}}, tl.Networks)

	require.Contains(t, s.call(t, "GET", "/api/v1/secrets/history?secret=sec-db", nil, 200), "build-7")
	require.Contains(t, s.call(t, "GET", "/api/v1/actors/actor-tok-moved/activity", nil, 200), "f-cross")
	require.Contains(t, s.call(t, "GET", "/api/v1/tenants/cross-access", nil, 200), "globex")
	q := url.Values{"from": {now.Add(-2 * time.Hour).UTC().Format(time.RFC3339)},
		"to": {now.Add(time.Minute).UTC().Format(time.RFC3339)}, "eq": {"token.id:tok-moved"}}
	require.Contains(t, s.call(t, "GET", "/api/v1/events/search?"+q.Encode(), nil, 200), "f-cross")

	sup := map[string]any{"rule": "first_seen_asn", "tenant": "acme", "credential": "tok-known",
		"reason": "cluster drill", "expires": now.Add(24 * time.Hour).UTC().Format(time.RFC3339)}
	s.call(t, "POST", "/api/v1/suppressions", sup, 201)
	s.eventuallyContains(t, "/api/v1/suppressions", "cluster drill")

	s.eventuallyContains(t, "/api/v1/responses?alert="+s.alertID, `"alert_tenant":"acme"`)
	s.call(t, "POST", "/api/v1/responses/acme/int-cluster/approve", nil, 200)
	testenv.Eventually(t, 30*time.Second, "the approval in respond's outbox", func() bool {
		got, found, err := outbox.Get(context.Background(), "acme", "int-cluster")
		require.NoError(t, err)
		return found && got.State == respond.StateApproved
	})
	require.Positive(t, count(t, st, "SELECT count() FROM console_actions"), "every action is in the action log")
}

// eventuallyContains polls GET path until its body holds want: on 1×2 a
// read may land on the replica that has not fetched the newest part yet,
// and what a user sees a moment later the test waits for.
func (s *consoleSite) eventuallyContains(t *testing.T, path, want string) {
	t.Helper()
	testenv.Eventually(t, 30*time.Second, path+" shows "+want, func() bool {
		return strings.Contains(s.call(t, "GET", path, nil, 200), want)
	})
}
