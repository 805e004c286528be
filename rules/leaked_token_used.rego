# METADATA
# title: Credential used after it was reported leaked
# description: >-
#   A token was reported leaked (a secret scanner found it in public code, a
#   paste, a Space) and was then used, successfully or not. Anyone holding a
#   leaked token may be the one using it; revoke it.
# custom:
#   id: leaked_token_used
#   severity: critical
#   tier: revoke
#   actions: [token.use, secret.read, secret.list]
package credwatch.rules.leaked_token_used

alert := {
	"reason": sprintf("used (%s) from AS%d %v min after it was reported leaked", [
		input.event.outcome, object.get(input.event.source, "asn", 0), input.context.sequence.leak_reported.minutes_ago,
	]),
	"facts": {"leak_report": input.context.sequence.leak_reported, "asn": object.get(input.event.source, "asn", 0)},
} if {
	input.context.sequence.leak_reported.event_id
}
