package webhook_test

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/respond/webhook"
)

// revokePayload is a valid credential.revoke payload.
func revokePayload() webhook.Payload {
	return webhook.Payload{Type: webhook.TypeRevoke, Timestamp: sentAt, Data: webhook.Data{
		IntentID: "int_1", Action: webhook.ActionRevoke, Credential: "tok_fp_9f2a", Tenant: "acme",
		Rule: "token_used_from_other_tenant", Severity: "critical", Reason: "tier revoke, severity critical",
		Alert: json.RawMessage(`{"class_uid":2004}`), Explanation: json.RawMessage(`{"reason":"x"}`),
	}}
}

func TestPayloadJSONShape(t *testing.T) {
	p := revokePayload()
	require.NoError(t, p.Validate())
	b, err := json.Marshal(p)
	require.NoError(t, err)
	require.JSONEq(t, `{"type":"credential.revoke","timestamp":"2026-11-22T10:00:00Z","data":{
		"intent_id":"int_1","action":"revoke","credential":"tok_fp_9f2a","tenant":"acme",
		"rule":"token_used_from_other_tenant","severity":"critical","reason":"tier revoke, severity critical",
		"alert":{"class_uid":2004},"explanation":{"reason":"x"}}}`, string(b))
	var back webhook.Payload
	require.NoError(t, json.Unmarshal(b, &back))
	require.Equal(t, p.Data.Credential, back.Data.Credential)
	require.True(t, p.Timestamp.Equal(back.Timestamp))
}

func TestNotifyPayloadIsValid(t *testing.T) {
	p := revokePayload()
	p.Type, p.Data.Action, p.Data.DryRun, p.Data.Explanation = webhook.TypeNotify, webhook.ActionNotify, true, nil
	require.NoError(t, p.Validate())
}

func TestValidateNamesTheBadField(t *testing.T) {
	cases := map[string]func(p *webhook.Payload){
		"type":             func(p *webhook.Payload) { p.Type = "credential.delete" },
		"timestamp":        func(p *webhook.Payload) { p.Timestamp = time.Time{} },
		"data.action":      func(p *webhook.Payload) { p.Data.Action = webhook.ActionNotify },
		"data.severity":    func(p *webhook.Payload) { p.Data.Severity = "urgent" },
		"data.intent_id":   func(p *webhook.Payload) { p.Data.IntentID = "" },
		"data.credential":  func(p *webhook.Payload) { p.Data.Credential = strings.Repeat("x", 257) },
		"data.tenant":      func(p *webhook.Payload) { p.Data.Tenant = "\xff" },
		"data.rule":        func(p *webhook.Payload) { p.Data.Rule = "" },
		"data.reason":      func(p *webhook.Payload) { p.Data.Reason = "" },
		"data.alert":       func(p *webhook.Payload) { p.Data.Alert = json.RawMessage(`[1]`) },
		"data.explanation": func(p *webhook.Payload) { p.Data.Explanation = json.RawMessage(`{`) },
	}
	for field, breakIt := range cases {
		p := revokePayload()
		breakIt(&p)
		var fe *webhook.FieldError
		require.ErrorAs(t, p.Validate(), &fe, field)
		require.Equal(t, field, fe.Field)
		require.Contains(t, fe.Error(), `field "`+field+`": `)
	}
	p := revokePayload()
	p.Data.Alert = nil
	require.ErrorContains(t, p.Validate(), "data.alert")
}
