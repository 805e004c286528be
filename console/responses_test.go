package console

import (
	"context"
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/respond"
)

// seedIntents records test intents: acme's int_a1 proposed and int_a2
// delivered on its second attempt, int_a3 proposed 30 days ago, globex's
// int_g1 (answering an alert kept under initech: globex's credential used
// there) and initech's int_i1 proposed.
func seedIntents(t *testing.T, x *rig) *respond.Outbox {
	o := respond.NewOutbox(x.st)
	intent := func(tenant, id, state string, seq, attempt uint32, created, at time.Time, detail string) respond.Intent {
		return respond.Intent{ID: id, Tenant: tenant, Credential: "tok_" + tenant, Action: respond.ActionRevoke, State: state,
			Seq: seq, Decision: "propose", AlertID: "alr_" + tenant + "_0", Rule: "leaked_token_used", Severity: "critical",
			Reason: "leaked token used", By: "respond", Attempt: attempt, Detail: detail, Created: created, At: at,
			AlertTenant: tenant}
	}
	h := now.Add(-time.Hour)
	g1 := intent("globex", "int_g1", respond.StateProposed, 1, 0, h, h, "")
	g1.AlertTenant = "initech"
	require.NoError(t, o.Record(context.Background(),
		intent("acme", "int_a1", respond.StateProposed, 1, 0, h, h, ""),
		intent("acme", "int_a2", respond.StateAuto, 1, 0, h, h, ""),
		intent("acme", "int_a2", respond.StateDelivering, 2, 1, h, h.Add(time.Minute), "timeout"),
		intent("acme", "int_a2", respond.StateDelivering, 3, 2, h, h.Add(2*time.Minute), ""),
		intent("acme", "int_a2", respond.StateDelivered, 4, 2, h, h.Add(3*time.Minute), "204"),
		intent("acme", "int_a3", respond.StateProposed, 1, 0, now.Add(-30*24*time.Hour), now.Add(-30*24*time.Hour), ""),
		g1,
		intent("initech", "int_i1", respond.StateProposed, 1, 0, h, h, "")))
	return o
}

// responseIDs lists the intents path answers with (200 required).
func (x *rig) responseIDs(t *testing.T, token, q string) []string {
	var out struct{ Responses []Response }
	x.ok(t, http.StatusOK, "GET", token, "/api/v1/responses"+q, nil, &out)
	var ids []string
	for _, r := range out.Responses {
		ids = append(ids, r.ID)
	}
	return ids
}

// TestResponsesListScopedAndFiltered: each intent with its transitions,
// only in the user's tenants, filtered by state, alert and creation time.
func TestResponsesListScopedAndFiltered(t *testing.T) {
	x := newRig(t)
	seedIntents(t, x)
	var out struct{ Responses []Response }
	x.ok(t, http.StatusOK, "GET", "tok-acme", "/api/v1/responses?state=delivered", nil, &out)
	require.Len(t, out.Responses, 1)
	r := out.Responses[0]
	require.Equal(t, []any{"acme", "int_a2", "delivered", "tok_acme", "alr_acme_0", "acme", "leaked_token_used", "revoke"},
		[]any{r.Tenant, r.ID, r.State, r.Credential, r.AlertID, r.AlertTenant, r.Rule, r.Action})
	var steps []any
	for _, tr := range r.Transitions {
		steps = append(steps, tr.Seq, tr.State, tr.Attempt, tr.Detail)
	}
	require.Equal(t, []any{uint32(1), "auto", uint32(0), "", uint32(2), "delivering", uint32(1), "timeout",
		uint32(3), "delivering", uint32(2), "", uint32(4), "delivered", uint32(2), "204"}, steps)

	require.ElementsMatch(t, []string{"int_a1", "int_a2"}, x.responseIDs(t, "tok-acme", ""))
	require.Equal(t, []string{"int_a1"}, x.responseIDs(t, "tok-acme", "?state=proposed"))
	require.ElementsMatch(t, []string{"int_a1", "int_a2"}, x.responseIDs(t, "tok-acme", "?state=proposed&state=delivered"))
	require.Equal(t, []string{"int_a1", "int_a3"}, x.responseIDs(t, "tok-acme",
		"?state=proposed&from="+now.Add(-40*24*time.Hour).Format(time.RFC3339)))
	require.Empty(t, x.responseIDs(t, "tok-acme", "?tenant=globex"))
	require.Empty(t, x.responseIDs(t, "tok-acme", "?alert=alr_globex_0"))
	require.Empty(t, x.responseIDs(t, "tok-nobody", ""))
	require.Empty(t, x.responseIDs(t, "tok-injected", ""))
	require.ElementsMatch(t, []string{"int_a1", "int_a2", "int_g1", "int_i1"}, x.responseIDs(t, "tok-admin", ""))
	require.Equal(t, []string{"int_g1"}, x.responseIDs(t, "tok-admin", "?alert=alr_globex_0"))
	require.Len(t, x.responseIDs(t, "tok-admin", "?limit=1"), 1)
	x.ok(t, http.StatusOK, "GET", "tok-admin", "/api/v1/responses?alert=alr_globex_0", nil, &out)
	require.Equal(t, []string{"globex", "initech"}, []string{out.Responses[0].Tenant, out.Responses[0].AlertTenant},
		"the credential's tenant and the alert's")
	for _, tok := range []string{"tok-viewer", "tok-two", "tok-initech", "tok-acme-investigator"} {
		x.ok(t, http.StatusForbidden, "GET", tok, "/api/v1/responses", nil, nil)
	}
	for q, field := range map[string]string{"?state=open": "state", "?limit=0": "limit", "?from=yesterday": "from",
		"?from=2020-01-01T00:00:00Z": "from", "?intent=int_a1": "intent", "?alert=%ff": "alert"} {
		require.Equal(t, field, x.field(t, "GET", "tok-acme", "/api/v1/responses"+q, nil), q)
	}
	require.Len(t, x.actionsNamed("responses.list"), 12, "all but the out-of-scope tenant filter, answered empty at once")
}

// TestApproveAndReject: an analyst answers a proposal of their tenant;
// respond's outbox holds the answer by them; any other state is a 409, and
// an intent out of scope answers as a missing one.
func TestApproveAndReject(t *testing.T) {
	x := newRig(t)
	o := seedIntents(t, x)
	var r Response
	x.ok(t, http.StatusOK, "POST", "tok-acme", "/api/v1/responses/acme/int_a1/approve", nil, &r)
	require.Equal(t, []any{"approved", "ann", 2}, []any{r.State, r.By, len(r.Transitions)})
	in, _, err := o.Get(context.Background(), "acme", "int_a1")
	require.NoError(t, err)
	require.True(t, respond.Deliverable(in.State), "the respond service delivers it")
	x.ok(t, http.StatusConflict, "POST", "tok-admin", "/api/v1/responses/acme/int_a1/reject", map[string]string{"reason": "no"}, nil)
	x.ok(t, http.StatusConflict, "POST", "tok-admin", "/api/v1/responses/acme/int_a2/approve", nil, nil)
	_, missing := x.do(t, "POST", "tok-acme", "/api/v1/responses/acme/int_none/approve", nil)
	for _, path := range []string{"globex/int_g1", "acme/int_g1", "initech/int_i1"} {
		code, body := x.do(t, "POST", "tok-acme", "/api/v1/responses/"+path+"/approve", nil)
		require.Equal(t, http.StatusNotFound, code, path)
		require.Equal(t, string(missing), string(body))
	}
	for _, tok := range []string{"tok-viewer", "tok-two"} {
		x.ok(t, http.StatusForbidden, "POST", tok, "/api/v1/responses/globex/int_g1/approve", nil, nil)
	}
	require.Equal(t, "reason", x.field(t, "POST", "tok-admin", "/api/v1/responses/initech/int_i1/reject", map[string]string{}))
	require.Equal(t, "body", x.field(t, "POST", "tok-admin", "/api/v1/responses/initech/int_i1/reject", nil))
	require.Equal(t, "by", x.field(t, "POST", "tok-admin", "/api/v1/responses/initech/int_i1/approve", map[string]string{"by": "eve"}))
	x.ok(t, http.StatusOK, "POST", "tok-admin", "/api/v1/responses/initech/int_i1/reject", map[string]string{"reason": "benign: a test token"}, &r)
	require.Equal(t, []string{"rejected", "ada", "benign: a test token"}, []string{r.State, r.By, r.Transitions[1].Detail})
	require.Equal(t, []string{"ann acme/int_a1"}, x.actionsNamed("response.approve"))
	require.Equal(t, []string{"ada initech/int_i1"}, x.actionsNamed("response.reject"))
	x.actions.fail = true
	x.ok(t, http.StatusServiceUnavailable, "POST", "tok-admin", "/api/v1/responses/globex/int_g1/approve", nil, nil)
	in, _, err = o.Get(context.Background(), "globex", "int_g1")
	require.NoError(t, err)
	require.Equal(t, respond.StateProposed, in.State, "nothing is done that is not on the record")
}
