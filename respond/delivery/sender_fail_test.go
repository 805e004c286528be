package delivery

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/internal/clock"
)

func TestSendGoneDisablesEndpoint(t *testing.T) {
	rcv := newReceiver(t, func(_ string, _, total int) int {
		if total == 1 {
			return http.StatusGone
		}
		return http.StatusOK
	})
	s := newSender(rcv.URL, clock.NewStep(epoch()), 5*time.Second)
	job := Job{ID: "m", Tenant: "acme"}
	require.Equal(t, Disabled, s.Send(context.Background(), job).Outcome)
	require.True(t, s.Disabled(rcv.URL))
	require.Equal(t, Disabled, s.Send(context.Background(), job).Outcome, "later jobs fail fast")
	require.Len(t, rcv.Arrivals(), 1, "a disabled endpoint is not called")
	s.Enable(rcv.URL)
	require.Equal(t, Delivered, s.Send(context.Background(), job).Outcome)
	require.Len(t, rcv.Arrivals(), 2)
}

// endless is a response body that never ends and counts what was read.
type endless struct{ read int }

func (e *endless) Read(p []byte) (int, error) {
	const pattern = "secret\x00\n\t"
	for i := range p {
		p[i] = pattern[(e.read+i)%len(pattern)]
	}
	e.read += len(p)
	return len(p), nil
}

func (e *endless) Close() error { return nil }

type roundTrip func(*http.Request) (*http.Response, error)

func (f roundTrip) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }

func TestSendReadsBoundedBodyAndSanitizesDetail(t *testing.T) {
	body := &endless{}
	client := &http.Client{Transport: roundTrip(func(r *http.Request) (*http.Response, error) {
		h := http.Header{"X-Api-Key": {"hunter2"}}
		return &http.Response{StatusCode: http.StatusBadRequest, Header: h, Body: body, Request: r}, nil
	})}
	s := &Sender{Client: client, Endpoints: Endpoints{Default: Endpoint{URL: "https://hooks.example/x", Signer: testSigner{}}}}
	res := s.Send(context.Background(), Job{ID: "m", Tenant: "acme"})
	require.Equal(t, Failed, res.Outcome)
	require.LessOrEqual(t, body.read, maxResponseBody+32<<10, "reads about 64 KiB, not the whole body")
	require.LessOrEqual(t, len(res.Detail), 100)
	require.True(t, strings.HasPrefix(res.Detail, "HTTP 400 Bad Request: secret secret"), res.Detail)
	require.NotContains(t, res.Detail, "hunter2")
	require.NotContains(t, res.Detail, "\n")
	require.NotContains(t, res.Detail, "\x00")
}

func TestSendErrorsKeepURLSecretsOut(t *testing.T) {
	s := newSender("http://user:pa55word@127.0.0.1:1/hook?token=t0ken", clock.NewStep(epoch()), 5*time.Second)
	res := s.Send(context.Background(), Job{ID: "m", Tenant: "acme"})
	require.Equal(t, Retry, res.Outcome, res.Detail)
	require.Contains(t, res.Detail, "request failed")
	require.NotContains(t, res.Detail, "pa55word")
	require.NotContains(t, res.Detail, "t0ken")
}

func TestSendNeedsConfiguredSignedEndpoint(t *testing.T) {
	rcv := newReceiver(t, func(string, int, int) int { return http.StatusOK })
	s := &Sender{Client: NewHTTPClient(time.Second), Endpoints: Endpoints{
		PerTenant: map[string]Endpoint{
			"acme":     {URL: rcv.URL, Signer: testSigner{}},
			"unsigned": {URL: rcv.URL},
			"ftp":      {URL: "ftp://files.example/", Signer: testSigner{}},
		}}}
	for tenant, want := range map[string]Outcome{"acme": Delivered, "unsigned": Failed, "ftp": Failed, "other": Failed} {
		require.Equal(t, want, s.Send(context.Background(), Job{ID: "m", Tenant: tenant}).Outcome, tenant)
	}
	require.Len(t, rcv.Arrivals(), 1, "only the configured, signed endpoint is called")
}

func TestEndpointsFor(t *testing.T) {
	def := Endpoint{URL: "https://default.example/hook"}
	e := Endpoints{Default: def, PerTenant: map[string]Endpoint{"acme": {URL: "https://acme.example/hook"}, "quiet": {}}}
	ep, ok := e.For("acme")
	require.True(t, ok)
	require.Equal(t, "https://acme.example/hook", ep.URL)
	ep, ok = e.For("globex")
	require.True(t, ok)
	require.Equal(t, def.URL, ep.URL)
	_, ok = e.For("quiet")
	require.False(t, ok, "an empty per-tenant URL opts the tenant out")
	_, ok = Endpoints{}.For("acme")
	require.False(t, ok)
}

func TestSnippet(t *testing.T) {
	require.Equal(t, "a b c", snippet([]byte("  a\r\n b\x1b\xffc ")))
	long := snippet([]byte(strings.Repeat("x", 1000)))
	require.Equal(t, strings.Repeat("x", snippetLen)+"…", long)
}
