// Package respond turns alerts into action: a Rego response policy decides
// (auto, approve, notify, none), guardrails hold back what should wait
// (dry-run, allow-lists, caps that open a circuit, a kill switch), and every
// revocation intent is written to an append-only outbox in ClickHouse before
// a signed Standard Webhooks delivery carries it to the platform, once.
//
// Subpackages: webhook (signing and verifying), delivery (retries, one lane
// per tenant), policy (the Rego policy's evaluator) and receiver (the
// reference endpoint a platform runs).
package respond
