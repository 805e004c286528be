package delivery

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/internal/clock"
)

func TestSendClassifiesStatus(t *testing.T) {
	cases := map[int]Outcome{200: Delivered, 202: Delivered, 204: Delivered, 409: Delivered,
		408: Retry, 425: Retry, 429: Retry, 500: Retry, 502: Retry, 503: Retry,
		400: Failed, 401: Failed, 403: Failed, 404: Failed, 422: Failed,
		301: Failed, 302: Failed, 307: Failed, 308: Failed, 410: Disabled}
	for code, want := range cases {
		t.Run(strconv.Itoa(code), func(t *testing.T) {
			rcv := newReceiver(t, func(string, int, int) int { return code })
			s := newSender(rcv.URL, clock.NewStep(epoch()), 5*time.Second)
			res := s.Send(context.Background(), Job{ID: "msg_1", Tenant: "acme", Body: []byte(`{}`)})
			require.Equal(t, want, res.Outcome, res.Detail)
			require.Equal(t, code, res.Code)
		})
	}
}

func TestSendSignsAndPostsJSON(t *testing.T) {
	var got *http.Request
	var body []byte
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		got, body = r, must(io.ReadAll(r.Body))
		w.WriteHeader(http.StatusNoContent)
	}))
	t.Cleanup(srv.Close)
	clk := clock.NewStep(epoch())
	s := newSender(srv.URL, clk, 5*time.Second)
	res := s.Send(context.Background(), Job{ID: "msg_2Yh", Tenant: "acme", Body: []byte(`{"revoke":"tok_1"}`)})
	require.Equal(t, Delivered, res.Outcome)
	require.Equal(t, http.MethodPost, got.Method)
	require.Equal(t, "application/json", got.Header.Get("Content-Type"))
	require.Equal(t, "msg_2Yh", got.Header.Get("webhook-id"))
	require.Equal(t, strconv.FormatInt(epoch().Unix(), 10), got.Header.Get("webhook-timestamp"))
	require.Equal(t, "v1,test", got.Header.Get("webhook-signature"))
	require.Equal(t, `{"revoke":"tok_1"}`, string(body))
}

func TestSendHonoursRetryAfter(t *testing.T) {
	clk := clock.NewStep(epoch())
	for name, tc := range map[string]struct {
		header string
		want   time.Duration
	}{
		"seconds":     {"120", 120 * time.Second},
		"date":        {epoch().Add(90 * time.Second).Format(http.TimeFormat), 90 * time.Second},
		"capped":      {"86400", MaxRetryAfter},
		"capped date": {epoch().Add(5 * time.Hour).Format(http.TimeFormat), MaxRetryAfter},
	} {
		t.Run(name, func(t *testing.T) {
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
				w.Header().Set("Retry-After", tc.header)
				w.WriteHeader(http.StatusTooManyRequests)
			}))
			t.Cleanup(srv.Close)
			res := newSender(srv.URL, clk, 5*time.Second).Send(context.Background(), Job{ID: "m", Tenant: "a"})
			require.Equal(t, Retry, res.Outcome)
			require.Equal(t, tc.want, res.RetryAfter)
		})
	}
}

func TestSendDoesNotFollowRedirects(t *testing.T) {
	target := newReceiver(t, func(string, int, int) int { return http.StatusOK })
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, target.URL+"/elsewhere", http.StatusFound)
	}))
	t.Cleanup(srv.Close)
	res := newSender(srv.URL, clock.NewStep(epoch()), 5*time.Second).Send(context.Background(), Job{ID: "m", Tenant: "a"})
	require.Equal(t, Failed, res.Outcome)
	require.Equal(t, http.StatusFound, res.Code)
	require.Contains(t, res.Detail, "redirect not followed")
	require.NotContains(t, res.Detail, target.URL)
	require.Empty(t, target.Arrivals(), "the redirect target must never be hit")
}

func TestSendTimeoutIsRetry(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(_ http.ResponseWriter, r *http.Request) {
		<-r.Context().Done() // hang until the client gives up
	}))
	t.Cleanup(srv.Close)
	res := newSender(srv.URL, clock.NewStep(epoch()), 50*time.Millisecond).Send(context.Background(), Job{ID: "m", Tenant: "a"})
	require.Equal(t, Retry, res.Outcome)
	require.Zero(t, res.Code)
	require.Contains(t, res.Detail, "timeout")
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}
