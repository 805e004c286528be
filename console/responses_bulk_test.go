package console

import (
	"context"
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/respond"
	"github.com/credwatch/credwatch/store"
)

// TestBulkApprovalNeedsASecondPerson: a bulk approval approves nothing
// until another user with the permission, who sees every tenant in it,
// confirms it; the requester's own confirmation is a 403, a second one a
// 409; both steps are in the action log.
func TestBulkApprovalNeedsASecondPerson(t *testing.T) {
	x := newRig(t)
	o := seedIntents(t, x)
	state := func(tenant, id string) string {
		in, _, err := o.Get(context.Background(), tenant, id)
		require.NoError(t, err)
		return in.State
	}
	var b bulkRequest
	x.ok(t, http.StatusAccepted, "POST", "tok-admin", "/api/v1/responses/bulk-approve",
		bulkApproveRequest{Intents: []intentRef{{"acme", "int_a1"}, {"globex", "int_g1"}}, Reason: "one leak, two tenants"}, &b)
	require.Equal(t, []string{"pending", "ada"}, []string{b.State, b.RequestedBy})
	require.Equal(t, respond.StateProposed, state("acme", "int_a1"), "a request approves nothing")
	confirm := "/api/v1/responses/bulk/" + b.ID + "/confirm"
	x.ok(t, http.StatusForbidden, "POST", "tok-admin", confirm, nil, nil)
	x.ok(t, http.StatusForbidden, "POST", "tok-viewer", confirm, nil, nil)
	_, missing := x.do(t, "POST", "tok-acme", "/api/v1/responses/bulk/bulk_none/confirm", nil)
	code, body := x.do(t, "POST", "tok-acme", confirm, nil)
	require.Equal(t, http.StatusNotFound, code, "ann does not see globex")
	require.Equal(t, string(missing), string(body))
	require.Equal(t, respond.StateProposed, state("globex", "int_g1"))

	x.ok(t, http.StatusAccepted, "POST", "tok-acme", "/api/v1/responses/bulk-approve",
		bulkApproveRequest{Intents: []intentRef{{"acme", "int_a1"}}, Reason: "leak"}, &b)
	x.ok(t, http.StatusForbidden, "POST", "tok-acme", "/api/v1/responses/bulk/"+b.ID+"/confirm", nil, nil)
	var done bulkConfirmation
	x.ok(t, http.StatusOK, "POST", "tok-admin", "/api/v1/responses/bulk/"+b.ID+"/confirm", nil, &done)
	require.Equal(t, []string{"confirmed", "ann", "ada"}, []string{done.Request.State, done.Request.RequestedBy, done.Request.ConfirmedBy})
	require.Equal(t, []bulkResult{{"acme", "int_a1", "done", "approved", ""}}, done.Results)
	require.Equal(t, respond.StateApproved, state("acme", "int_a1"))
	x.ok(t, http.StatusConflict, "POST", "tok-admin", "/api/v1/responses/bulk/"+b.ID+"/confirm", nil, nil)
	require.Equal(t, []string{"ada acme/int_a1"}, x.actionsNamed("response.approve"))
	require.Len(t, x.actionsNamed("response.bulk_request"), 2)
	require.Len(t, x.actionsNamed("response.bulk_confirm"), 1)

	// A second request of the same intent, confirmed after the first:
	// each intent answers on its own.
	x.ok(t, http.StatusAccepted, "POST", "tok-acme", "/api/v1/responses/bulk-approve",
		bulkApproveRequest{Intents: []intentRef{{"acme", "int_a3"}}, Reason: "leak"}, &b)
	var again bulkRequest
	x.ok(t, http.StatusAccepted, "POST", "tok-acme", "/api/v1/responses/bulk-approve",
		bulkApproveRequest{Intents: []intentRef{{"acme", "int_a3"}}, Reason: "leak, again"}, &again)
	x.ok(t, http.StatusOK, "POST", "tok-admin", "/api/v1/responses/bulk/"+b.ID+"/confirm", nil, nil)
	done = bulkConfirmation{}
	x.ok(t, http.StatusOK, "POST", "tok-admin", "/api/v1/responses/bulk/"+again.ID+"/confirm", nil, &done)
	require.Equal(t, []bulkResult{{"acme", "int_a3", "conflict", "approved", "the intent is approved, not waiting for approval"}}, done.Results)
}

// TestBulkApprovalRejectsBadRequests: 400s naming the field, an intent out
// of scope as a missing one, one not waiting a 409, an old request expired.
func TestBulkApprovalRejectsBadRequests(t *testing.T) {
	x := newRig(t)
	seedIntents(t, x)
	for field, body := range map[string]any{
		"intents":    bulkApproveRequest{Reason: "r"},
		"intents[1]": bulkApproveRequest{Intents: []intentRef{{"acme", "int_a1"}, {"acme", "int_a1"}}, Reason: "r"},
		"reason":     bulkApproveRequest{Intents: []intentRef{{"acme", "int_a1"}}},
		"body":       `{"intents":`,
		"approve":    `{"approve":true}`,
	} {
		require.Equal(t, field, x.field(t, "POST", "tok-acme", "/api/v1/responses/bulk-approve", body))
	}
	var e apiError
	x.ok(t, http.StatusNotFound, "POST", "tok-acme", "/api/v1/responses/bulk-approve",
		bulkApproveRequest{Intents: []intentRef{{"acme", "int_a1"}, {"globex", "int_g1"}}, Reason: "r"}, &e)
	require.Equal(t, apiError{Error: "no such intent", Field: "intents[1]"}, e)
	x.ok(t, http.StatusConflict, "POST", "tok-acme", "/api/v1/responses/bulk-approve",
		bulkApproveRequest{Intents: []intentRef{{"acme", "int_a2"}}, Reason: "r"}, &e)
	require.Equal(t, "intents[0]", e.Field)
	x.ok(t, http.StatusForbidden, "POST", "tok-two", "/api/v1/responses/bulk-approve",
		bulkApproveRequest{Intents: []intentRef{{"acme", "int_a1"}}, Reason: "r"}, nil)
	require.Empty(t, x.actionsNamed("response.bulk_request"))

	old := now.Add(-25 * time.Hour)
	require.NoError(t, x.st.InsertRows(context.Background(), store.Rows{Table: "response_bulk_requests", Columns: bulkColumns,
		Values: [][]any{{"bulk_old", uint32(1), bulkPending, "ann", "r", []string{"acme"}, []string{"int_a1"}, "", old, old}}}))
	x.ok(t, http.StatusConflict, "POST", "tok-admin", "/api/v1/responses/bulk/bulk_old/confirm", nil, &e)
	require.Equal(t, "the request expired; request it again", e.Error)
}
