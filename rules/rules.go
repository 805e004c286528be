// Package rules holds credwatch's detection rules, written in Rego (OPA v1)
// and embedded in the binary. Each rule is package credwatch.rules.<id> with
// a package-level # METADATA block (title, description, and under custom: id,
// severity, tier, actions, shadow) and defines `alert` — an object with a
// reason and facts — when the event matches. Input is
// {"event": <contract v1 event>, "context": <facts the engine computed>}.
// Every rule has a _test.rego.
package rules

import "embed"

// FS is the embedded rules and their tests.
//
//go:embed *.rego
var FS embed.FS
