// Package receiver is the reference receiver of credwatch's revocation
// webhooks: the http.Handler a platform runs (`credwatch receiver`) to act on
// them.
//
// Per POST it reads the body (at most 1 MiB), verifies the Standard
// Webhooks headers and signature (package webhook), rejects a webhook-id it
// has already handled with 409 (the sender counts 409 as done, so this is
// also how retries stay idempotent), and validates the payload. A
// credential.revoke is acted on by emitting a token.revoke event (contract
// v1) for the platform's pipeline, then recording it in the Journal, then
// answering 200; a failed emit answers 503 so the sender retries, and the
// event's id, derived from the webhook-id, lets a re-emit collapse
// downstream. An alert.notify, or a dry-run revoke, is only recorded.
//
// Requests carrying the same webhook-id are handled one at a time: a second
// one waits for the first and then sees its outcome, so a webhook is acted
// on once even under concurrent deliveries, and never lost when the first
// attempt fails.
package receiver
