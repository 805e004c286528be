package delivery

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"
)

// BenchmarkSend measures one signed attempt against a local receiver that
// reads the body and answers 204, over a kept-alive connection.
func BenchmarkSend(b *testing.B) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.Copy(io.Discard, r.Body)
		w.WriteHeader(http.StatusNoContent)
	}))
	b.Cleanup(srv.Close)
	s := &Sender{Client: NewHTTPClient(5 * time.Second), Timeout: 5 * time.Second,
		Endpoints: Endpoints{Default: Endpoint{URL: srv.URL, Signer: testSigner{}}}}
	job := Job{ID: "msg_2KWPBgLlAfxdpx2AI54pPJ85f4W", Tenant: "acme",
		Body: []byte(`{"type":"credential.revoke","timestamp":"2026-11-22T10:00:00Z","data":{"credential":"tok_fp_9f2a","reason":"used from another tenant"}}`)}
	ctx := context.Background()
	b.ReportAllocs()
	b.SetBytes(int64(len(job.Body)))
	for b.Loop() {
		if res := s.Send(ctx, job); res.Outcome != Delivered {
			b.Fatalf("outcome %s: %s", res.Outcome, res.Detail)
		}
	}
}
