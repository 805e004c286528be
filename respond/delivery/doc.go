// Package delivery delivers signed revocation webhooks with retries, one
// tenant never holding up another.
//
// A Sender makes one attempt: it POSTs a Job's JSON body to the tenant's
// configured Endpoint with the Standard Webhooks headers its Signer sets,
// never follows redirects, and classifies the answer as a Result (Delivered,
// Retry, Failed or Disabled). A Dispatcher runs attempts: one lane per
// tenant delivers that tenant's jobs in order, retrying with Backoff, while
// other tenants' lanes run concurrently, so a slow or down endpoint delays
// only its own tenant. Queues are bounded; a job that does not fit is
// refused and the caller, which keeps jobs durable, submits it again later.
//
// Receivers must deduplicate by the webhook-id header (the Job's ID): a
// response lost after the receiver acted makes the job go out again.
package delivery
