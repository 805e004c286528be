// Package webhook implements Standard Webhooks 1.0 (symmetric, "v1")
// signing and verification for credwatch's response stage, and the payload
// that credwatch sends to a platform's receiver.
//
// A webhook is an HTTP POST whose body is signed together with its id and
// the attempt's timestamp: the signed content is "{id}.{unix seconds}.{body}",
// the signature HMAC-SHA256 under a shared secret ("whsec_" + base64 of the
// key), sent as "v1,<base64>" in the webhook-signature header. During secret
// rotation the header carries one such entry per secret, space separated,
// and a receiver accepts the webhook if any entry matches any of its secrets.
//
// The sender calls SetHeaders; the receiver calls Verifier.Verify, which
// checks the headers, the signature (in constant time) and that the
// timestamp lies within a tolerance of its clock, and answers with a
// *VerifyError naming a Reason. Replays inside the tolerance are the
// receiver's to reject, by remembering handled webhook ids.
//
// Specification: https://www.standardwebhooks.com
// (github.com/standard-webhooks/standard-webhooks, spec/standard-webhooks.md).
package webhook
