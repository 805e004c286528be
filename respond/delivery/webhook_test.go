package delivery_test

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/respond/delivery"
	"github.com/credwatch/credwatch/respond/webhook"
)

// TestSignsWithStandardWebhooks wires the webhook package in through
// SignerFunc, as production does, and checks a verifying receiver accepts it.
func TestSignsWithStandardWebhooks(t *testing.T) {
	secrets, err := webhook.ParseSecrets([]string{"whsec_" + strings.Repeat("MfKQ9r8GKYqrTwjUPD8ILPZI", 2)})
	require.NoError(t, err)
	now := func() time.Time { return time.Date(2026, 11, 22, 10, 0, 0, 0, time.UTC) }
	verifier := webhook.Verifier{Secrets: secrets, Now: now}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		if verifier.Verify(r.Header, body) != nil {
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		w.WriteHeader(http.StatusNoContent)
	}))
	t.Cleanup(srv.Close)
	signer := delivery.SignerFunc(func(h http.Header, msgID string, ts time.Time, body []byte) {
		webhook.SetHeaders(h, secrets, msgID, ts, body)
	})
	s := &delivery.Sender{Client: delivery.NewHTTPClient(5 * time.Second), Now: now,
		Endpoints: delivery.Endpoints{Default: delivery.Endpoint{URL: srv.URL, Signer: signer}}}
	res := s.Send(context.Background(), delivery.Job{ID: "msg_2KWPBgLlAfxdpx2AI54pPJ85f4W", Tenant: "acme", Body: []byte(`{"a":1}`)})
	require.Equal(t, delivery.Delivered, res.Outcome, res.Detail)
	require.NotContains(t, res.Detail, "MfKQ9r8GKYqrTwjUPD8ILPZI")
}
