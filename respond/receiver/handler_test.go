package receiver

import (
	"bytes"
	"encoding/base64"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/event"
	"github.com/credwatch/credwatch/respond/webhook"
)

func TestValidRevokeIsEmittedAndRecordedOnce(t *testing.T) {
	em := &fakeEmitter{}
	h, reg := newHandler(t, NewMemoryJournal(), em)
	b := body(t, revoke("tok_fp_9f2a"))
	requireReply(t, serve(h, signedRequest("msg_1", b, now, testSecret(t, 1))), http.StatusOK, `{"status":"revoked"}`)
	requireReply(t, serve(h, signedRequest("msg_1", b, now, testSecret(t, 1))), http.StatusConflict, `{"error":"replayed webhook-id"}`)

	require.Equal(t, []event.Event{{
		ID: "rcv-msg_1", Time: now, Action: "token.revoke", Outcome: "success", Tenant: "acme",
		Actor: event.Actor{ID: "credwatch-receiver", Type: "service"}, Token: event.Token{ID: "tok_fp_9f2a"},
		Attrs: map[string]string{"intent_id": "int_tok_fp_9f2a", "rule": "leaked_token_used"},
	}}, em.emitted())
	require.Equal(t, []Record{{WebhookID: "msg_1", Type: webhook.TypeRevoke, IntentID: "int_tok_fp_9f2a",
		Credential: "tok_fp_9f2a", Tenant: "acme", Rule: "leaked_token_used", Received: now}}, h.Revocations())
	require.Equal(t, 1.0, metricValue(t, reg, "credwatch_receiver_revocations_total", nil))
	require.Equal(t, 1.0, rejected(t, reg, ReasonReplayed))
}

func TestBadWebhooksAreRejectedWithTheirReason(t *testing.T) {
	good := body(t, revoke("tok_1"))
	altered := bytes.Replace(good, []byte("tok_1"), []byte("tok_2"), 1)
	forged := signedRequest("msg_1", good, now, testSecret(t, 1))
	forged.Header.Set(webhook.HeaderSignature, "v1,"+base64.StdEncoding.EncodeToString(bytes.Repeat([]byte{0xa5}, 32)))
	tampered := signedRequest("msg_1", good, now, testSecret(t, 1))
	tampered.Body = httptestBody(altered)
	cases := []struct {
		name   string
		req    *http.Request
		reason string
	}{
		{"forged signature", forged, webhook.ReasonBadSignature},
		{"wrong secret", signedRequest("msg_1", good, now, testSecret(t, 2)), webhook.ReasonBadSignature},
		{"stale timestamp", signedRequest("msg_1", good, now.Add(-6*time.Minute), testSecret(t, 1)), webhook.ReasonStaleTimestamp},
		{"future timestamp", signedRequest("msg_1", good, now.Add(6*time.Minute), testSecret(t, 1)), webhook.ReasonFutureTimestamp},
		{"body altered by one byte", tampered, webhook.ReasonBadSignature},
		{"no headers", httptest.NewRequest(http.MethodPost, "/", bytes.NewReader(good)), webhook.ReasonMissingHeader},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			em := &fakeEmitter{}
			h, reg := newHandler(t, NewMemoryJournal(), em)
			requireReply(t, serve(h, c.req), http.StatusUnauthorized, `{"error":"`+c.reason+`"}`)
			require.Equal(t, 1.0, rejected(t, reg, c.reason))
			require.Empty(t, em.emitted())
			require.Empty(t, h.Revocations())
		})
	}
}

func TestReplayedIDIsRejected(t *testing.T) {
	em := &fakeEmitter{}
	h, reg := newHandler(t, NewMemoryJournal(), em)
	requireReply(t, serve(h, signedRequest("msg_1", body(t, revoke("tok_1")), now, testSecret(t, 1))), http.StatusOK, `{"status":"revoked"}`)
	// Another, validly signed delivery with the same id: still a replay.
	later := signedRequest("msg_1", body(t, revoke("tok_2")), now.Add(time.Minute), testSecret(t, 1))
	requireReply(t, serve(h, later), http.StatusConflict, `{"error":"replayed webhook-id"}`)
	require.Equal(t, 1.0, rejected(t, reg, ReasonReplayed))
	require.Len(t, em.emitted(), 1)
	require.Len(t, h.Revocations(), 1)
}

func TestOnlyPostAndBoundedBodies(t *testing.T) {
	h, reg := newHandler(t, NewMemoryJournal(), &fakeEmitter{})
	w := serve(h, httptest.NewRequest(http.MethodGet, "/", nil))
	requireReply(t, w, http.StatusMethodNotAllowed, `{"error":"only POST is accepted"}`)
	require.Equal(t, http.MethodPost, w.Header().Get("Allow"))
	huge := signedRequest("msg_1", bytes.Repeat([]byte(" "), MaxBody+1), now, testSecret(t, 1))
	requireReply(t, serve(h, huge), http.StatusRequestEntityTooLarge, `{"error":"body larger than 1048576 bytes"}`)
	require.Equal(t, 1.0, rejected(t, reg, ReasonMethod))
	require.Equal(t, 1.0, rejected(t, reg, ReasonTooLarge))
}

func TestBadPayloadNamesTheField(t *testing.T) {
	h, reg := newHandler(t, NewMemoryJournal(), &fakeEmitter{})
	p := revoke("tok_1")
	p.Data.Tenant = ""
	requireReply(t, serve(h, signedRequest("msg_1", body(t, p), now, testSecret(t, 1))), http.StatusBadRequest,
		`{"error":"field \"data.tenant\": required","field":"data.tenant"}`)
	wrongType := []byte(`{"type":"credential.revoke","timestamp":"2026-11-22T10:00:00Z","data":{"dry_run":"yes"}}`)
	requireReply(t, serve(h, signedRequest("msg_2", wrongType, now, testSecret(t, 1))), http.StatusBadRequest,
		`{"error":"field \"data.dry_run\": wrong type, want bool","field":"data.dry_run"}`)
	requireReply(t, serve(h, signedRequest("msg_3", []byte(`[`), now, testSecret(t, 1))), http.StatusBadRequest,
		`{"error":"payload is not a JSON object of the expected shape"}`)
	require.Equal(t, 3.0, rejected(t, reg, ReasonBadPayload))
	// A bad payload is not journaled: the fixed webhook under the same id goes through.
	requireReply(t, serve(h, signedRequest("msg_1", body(t, revoke("tok_1")), now, testSecret(t, 1))), http.StatusOK, `{"status":"revoked"}`)
}

func TestNotifyAndDryRunAreOnlyRecorded(t *testing.T) {
	j, em := NewMemoryJournal(), &fakeEmitter{}
	h, _ := newHandler(t, j, em)
	notify := revoke("tok_1")
	notify.Type, notify.Data.Action = webhook.TypeNotify, webhook.ActionNotify
	dry := revoke("tok_2")
	dry.Data.DryRun = true
	requireReply(t, serve(h, signedRequest("msg_1", body(t, notify), now, testSecret(t, 1))), http.StatusOK, `{"status":"recorded"}`)
	requireReply(t, serve(h, signedRequest("msg_2", body(t, dry), now, testSecret(t, 1))), http.StatusOK, `{"status":"dry_run"}`)
	require.Empty(t, em.emitted())
	require.Empty(t, h.Revocations())
	require.True(t, j.Handled("msg_1"))
	require.True(t, j.Handled("msg_2"))
}

func TestNewNeedsSecretJournalAndEmitter(t *testing.T) {
	v := webhook.Verifier{Secrets: []webhook.Secret{testSecret(t, 1)}}
	_, err := New(Config{Journal: NewMemoryJournal(), Emitter: &fakeEmitter{}})
	require.ErrorContains(t, err, "no webhook secret")
	_, err = New(Config{Verifier: v, Emitter: &fakeEmitter{}})
	require.ErrorContains(t, err, "no journal")
	_, err = New(Config{Verifier: v, Journal: NewMemoryJournal()})
	require.ErrorContains(t, err, "no emitter")
}
