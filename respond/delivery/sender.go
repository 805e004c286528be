package delivery

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"net/url"
	"sync"
	"time"
)

// maxResponseBody is how much of a response body an attempt reads.
const maxResponseBody = 64 << 10

// Sender makes single delivery attempts. Use it by pointer; it remembers
// which endpoints answered 410 Gone.
type Sender struct {
	Client    *http.Client     // required; NewHTTPClient gives a suitable one
	Endpoints Endpoints        // where each tenant's webhooks go
	Now       func() time.Time // the webhook-timestamp and the base of Retry-After dates; nil: time.Now
	Timeout   time.Duration    // bounds one attempt; not positive: DefaultTimeout

	mu       sync.Mutex
	disabled map[string]bool // endpoint URL → answered 410
}

// Send makes one attempt to deliver job: a POST of its body with
// Content-Type application/json and the headers the endpoint's Signer sets,
// stamped with Now. It reads at most 64 KiB of the answer.
func (s *Sender) Send(ctx context.Context, job Job) Result {
	ep, res, ok := s.endpoint(job.Tenant)
	if !ok {
		return res
	}
	actx, cancel := context.WithTimeout(ctx, s.timeout())
	defer cancel()
	req, err := http.NewRequestWithContext(actx, http.MethodPost, ep.URL, bytes.NewReader(job.Body))
	if err != nil {
		return Result{Outcome: Failed, Detail: "endpoint URL is not valid"}
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("User-Agent", "credwatch-webhook/1")
	ep.Signer.Sign(req.Header, job.ID, s.now(), job.Body)
	resp, err := s.Client.Do(req)
	if err != nil {
		return Result{Outcome: Retry, Detail: errorDetail(ctx, err, s.timeout())}
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(io.LimitReader(resp.Body, maxResponseBody))
	res = Result{Outcome: outcomeOf(resp.StatusCode), Code: resp.StatusCode,
		Detail: statusDetail(resp.StatusCode, body)}
	switch res.Outcome {
	case Retry:
		res.RetryAfter = parseRetryAfter(resp.Header.Get("Retry-After"), s.now())
	case Disabled:
		s.setDisabled(ep.URL, true)
		res.Detail += "; endpoint disabled"
	}
	return res
}

// endpoint is the endpoint job's tenant gets, or the Result that says why
// nothing can be sent.
func (s *Sender) endpoint(tenant string) (Endpoint, Result, bool) {
	ep, ok := s.Endpoints.For(tenant)
	switch {
	case !ok:
		return ep, Result{Outcome: Failed, Detail: "no endpoint configured for tenant"}, false
	case ep.Signer == nil:
		return ep, Result{Outcome: Failed, Detail: "endpoint has no signer"}, false
	case s.Client == nil:
		return ep, Result{Outcome: Failed, Detail: "sender has no HTTP client"}, false
	case s.Disabled(ep.URL):
		return ep, Result{Outcome: Disabled, Detail: "endpoint disabled after 410 Gone; not sent"}, false
	}
	if u, err := url.Parse(ep.URL); err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		return ep, Result{Outcome: Failed, Detail: "endpoint URL is not an http(s) URL"}, false
	}
	return ep, Result{}, true
}

func (s *Sender) now() time.Time {
	if s.Now == nil {
		return time.Now()
	}
	return s.Now()
}

func (s *Sender) timeout() time.Duration {
	if s.Timeout <= 0 {
		return DefaultTimeout
	}
	return s.Timeout
}
