package console

import (
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// pendingIDs are the bulk requests GET /api/v1/responses/bulk lists for token.
func (x *rig) pendingIDs(t *testing.T, token string) []string {
	var l bulkRequestList
	x.ok(t, http.StatusOK, "GET", token, "/api/v1/responses/bulk", nil, &l)
	ids := []string{}
	for _, b := range l.Requests {
		ids = append(ids, b.ID)
	}
	return ids
}

// TestBulkRequestsListed: the pending bulk approval requests, newest
// first, each only to users who see every tenant of it; a confirmed or
// day-old one is gone; viewers and investigators get 403; a parameter 400.
func TestBulkRequestsListed(t *testing.T) {
	clk := &testClock{t: now}
	x := newRigWith(t, func(c *Config) { c.Now = clk.Now })
	seedIntents(t, x)
	var both, acme bulkRequest
	x.ok(t, http.StatusAccepted, "POST", "tok-admin", "/api/v1/responses/bulk-approve",
		bulkApproveRequest{Intents: []intentRef{{"acme", "int_a1"}, {"globex", "int_g1"}}, Reason: "two tenants"}, &both)
	clk.advance(time.Minute)
	x.ok(t, http.StatusAccepted, "POST", "tok-acme", "/api/v1/responses/bulk-approve",
		bulkApproveRequest{Intents: []intentRef{{"acme", "int_a3"}}, Reason: "acme only"}, &acme)
	require.Equal(t, []string{acme.ID, both.ID}, x.pendingIDs(t, "tok-admin"), "newest first")
	require.Equal(t, []string{acme.ID, both.ID}, x.pendingIDs(t, "tok-analyst"))
	require.Equal(t, []string{acme.ID}, x.pendingIDs(t, "tok-acme"), "globex's intent is not ann's to see")
	require.Empty(t, x.pendingIDs(t, "tok-nobody"))
	require.Equal(t, []string{"ann /"}, x.actionsNamed("responses.bulk_list")[2:3])
	for _, token := range []string{"tok-viewer", "tok-investor", "tok-two"} {
		x.ok(t, http.StatusForbidden, "GET", token, "/api/v1/responses/bulk", nil, nil)
	}
	require.Equal(t, "state", x.field(t, "GET", "tok-admin", "/api/v1/responses/bulk?state=pending", nil))

	x.ok(t, http.StatusOK, "POST", "tok-admin", "/api/v1/responses/bulk/"+acme.ID+"/confirm", nil, nil)
	require.Equal(t, []string{both.ID}, x.pendingIDs(t, "tok-analyst"), "confirmed")
	clk.advance(25 * time.Hour)
	require.Empty(t, x.pendingIDs(t, "tok-analyst"), "expired")
	x.actions.fail = true
	x.ok(t, http.StatusServiceUnavailable, "GET", "tok-admin", "/api/v1/responses/bulk", nil, nil)
}
