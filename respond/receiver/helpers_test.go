package receiver

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/event"
	"github.com/credwatch/credwatch/respond/webhook"
)

// now is the receiver's clock in tests, and when test webhooks are sent.
var now = time.Date(2026, 11, 22, 10, 0, 0, 0, time.UTC)

// testSecret is the secret test webhooks are signed with, from fill bytes.
func testSecret(t *testing.T, fill byte) webhook.Secret {
	t.Helper()
	s, err := webhook.ParseSecret(webhook.SecretPrefix + base64.StdEncoding.EncodeToString(bytes.Repeat([]byte{fill}, 32)))
	require.NoError(t, err)
	return s
}

// fakeEmitter records emitted events; it fails while fail > 0 and, when
// gate is set, waits for it before emitting.
type fakeEmitter struct {
	mu     sync.Mutex
	events []event.Event
	fail   int
	gate   chan struct{}
}

// Emit records ev or fails.
func (e *fakeEmitter) Emit(ctx context.Context, ev event.Event) error {
	if e.gate != nil {
		<-e.gate
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.fail > 0 {
		e.fail--
		return errors.New("broker unavailable")
	}
	e.events = append(e.events, ev)
	return nil
}

// emitted returns a copy of the events emitted.
func (e *fakeEmitter) emitted() []event.Event {
	e.mu.Lock()
	defer e.mu.Unlock()
	return append([]event.Event(nil), e.events...)
}

// newHandler builds a receiver knowing secret 1 on journal j and emitter e.
func newHandler(t *testing.T, j Journal, e Emitter) (*Handler, *prometheus.Registry) {
	t.Helper()
	reg := prometheus.NewRegistry()
	h, err := New(Config{Verifier: webhook.Verifier{Secrets: []webhook.Secret{testSecret(t, 1)}},
		Journal: j, Emitter: e, Now: func() time.Time { return now }, Metrics: reg})
	require.NoError(t, err)
	return h, reg
}

// revoke is a valid credential.revoke payload for credential tok.
func revoke(tok string) webhook.Payload {
	return webhook.Payload{Type: webhook.TypeRevoke, Timestamp: now.Add(-time.Second), Data: webhook.Data{
		IntentID: "int_" + tok, Action: webhook.ActionRevoke, Credential: tok, Tenant: "acme",
		Rule: "leaked_token_used", Severity: "critical", Reason: "leaked token used from a new network",
		Alert: json.RawMessage(`{"class_uid":2004}`)}}
}

// body renders p.
func body(t *testing.T, p webhook.Payload) []byte {
	t.Helper()
	b, err := json.Marshal(p)
	require.NoError(t, err)
	return b
}

// signedRequest is a POST of b as webhook id, signed with key at sent.
func signedRequest(id string, b []byte, sent time.Time, key webhook.Secret) *http.Request {
	r := httptest.NewRequest(http.MethodPost, "/webhook", bytes.NewReader(b))
	webhook.SetHeaders(r.Header, []webhook.Secret{key}, id, sent, b)
	return r
}

// serve runs r through h.
func serve(h http.Handler, r *http.Request) *httptest.ResponseRecorder {
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return w
}

// requireReply asserts the response's status and JSON body.
func requireReply(t *testing.T, w *httptest.ResponseRecorder, status int, reply string) {
	t.Helper()
	require.Equal(t, status, w.Code, w.Body.String())
	require.JSONEq(t, reply, w.Body.String())
	require.Equal(t, "application/json", w.Header().Get("Content-Type"))
}

// httptestBody is a request body of b.
func httptestBody(b []byte) io.ReadCloser { return io.NopCloser(bytes.NewReader(b)) }
