package delivery

import (
	"net/http"
	"time"
)

// Job is one webhook to deliver.
type Job struct {
	// ID is the intent id; it is also the webhook-id header, stable across
	// retries, so receivers can deduplicate.
	ID string
	// Tenant chooses the endpoint and the lane.
	Tenant string
	// Body is the JSON payload, already rendered; it is signed and sent as is.
	Body []byte
	// Attempt counts the attempts made so far. Submit a job with the count
	// it already has (0 for a new one); the Dispatcher numbers each attempt
	// from 1 and passes that number to Sending and OnResult.
	Attempt int
	// Created is when the job was first made, the start of its Expiry age;
	// zero means when the Dispatcher accepted it.
	Created time.Time
}

// Signer sets the webhook-id, webhook-timestamp and webhook-signature
// headers of one request (Standard Webhooks).
type Signer interface {
	Sign(h http.Header, msgID string, ts time.Time, body []byte)
}

// SignerFunc adapts a function to Signer, e.g. one that calls
// webhook.SetHeaders with the endpoint's secrets.
type SignerFunc func(h http.Header, msgID string, ts time.Time, body []byte)

// Sign calls f.
func (f SignerFunc) Sign(h http.Header, msgID string, ts time.Time, body []byte) {
	f(h, msgID, ts, body)
}

// Endpoint is where one tenant's webhooks go and how they are signed.
type Endpoint struct {
	URL    string // http or https; redirects are never followed
	Signer Signer // required: nothing is sent unsigned
}

// Endpoints are the configured endpoints: nothing else decides where a
// webhook goes.
type Endpoints struct {
	Default   Endpoint            // used for tenants not in PerTenant; empty URL: none
	PerTenant map[string]Endpoint // an entry with an empty URL sends that tenant nothing
}

// For is the endpoint of tenant, and false when it has none.
func (e Endpoints) For(tenant string) (Endpoint, bool) {
	if ep, ok := e.PerTenant[tenant]; ok {
		return ep, ep.URL != ""
	}
	return e.Default, e.Default.URL != ""
}
