package console

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/respond"
	"github.com/credwatch/credwatch/respond/webhook"
)

// newWebhookSecret is a fresh signing secret.
func newWebhookSecret(t *testing.T) webhook.Secret {
	s, err := webhook.ParseSecret(webhook.SecretPrefix + base64.StdEncoding.EncodeToString(bytes.Repeat([]byte{7}, 32)))
	require.NoError(t, err)
	return s
}

// revocations is the platform's webhook receiver: it verifies each
// delivery's signature and keeps the revocations' payloads.
type revocations struct {
	srv  *httptest.Server
	mu   sync.Mutex
	got  []webhook.Payload
	bads int
}

// newRevocations serves the receiver until the test ends.
func newRevocations(t *testing.T, secret webhook.Secret) *revocations {
	r := &revocations{}
	v := webhook.Verifier{Secrets: []webhook.Secret{secret}, Now: time.Now}
	r.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		body, _ := io.ReadAll(req.Body)
		var p webhook.Payload
		r.mu.Lock()
		defer r.mu.Unlock()
		if v.Verify(req.Header, body) != nil || json.Unmarshal(body, &p) != nil {
			r.bads++
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		r.got = append(r.got, p)
		w.WriteHeader(http.StatusNoContent)
	}))
	t.Cleanup(r.srv.Close)
	return r
}

// revoked are the credentials revoked so far, and how many deliveries failed verification.
func (r *revocations) revoked() ([]string, int) {
	r.mu.Lock()
	defer r.mu.Unlock()
	var out []string
	for _, p := range r.got {
		if p.Data.Action == respond.ActionRevoke {
			out = append(out, p.Data.Credential)
		}
	}
	return out, r.bads
}

// lockedLog is a goroutine-safe log buffer.
type lockedLog struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

// Write appends p.
func (l *lockedLog) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.Write(p)
}

// String is what was written.
func (l *lockedLog) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.String()
}
