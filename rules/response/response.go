// Package response holds credwatch's default response policy, written in
// Rego (OPA v1) and embedded in the binary. The policy is package
// credwatch.response with a package-level # METADATA block and defines
// `decision` — {"action": auto|approve|notify|none, "reason": "..."} — for
// every alert the detection stage publishes. Input is {"alert", "rule",
// "credential", "allow_list", "counts"} (see respond/policy.Input). The
// policy's tests are in response_test.rego; respond/policy loads and runs both.
package response

import "embed"

// FS is the embedded default response policy and its tests.
//
//go:embed *.rego
var FS embed.FS
