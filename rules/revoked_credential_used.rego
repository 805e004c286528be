# METADATA
# title: Revoked credential presented again
# description: >-
#   A token was used after it was revoked. If the use succeeded, the
#   revocation did not take effect (a cache, a replica, a second token store):
#   the credential is still live in the hands of whoever holds it. If it was
#   refused, someone still presents a credential its owner gave up, which after
#   a leak is how the holder shows itself.
# custom:
#   id: revoked_credential_used
#   severity: medium
#   tier: notify
#   actions: [token.use, secret.read, secret.list]
package credwatch.rules.revoked_credential_used

revoked := input.context.sequence.credential_revoked

# A success more than grace_minutes after the revocation is a revocation that
# did not take effect; within it, one still propagating.
grace_minutes := 1

alert := {
	"reason": sprintf("still accepted (%s) %v min after it was revoked, from AS%d", [
		input.event.outcome, revoked.minutes_ago, asn,
	]),
	"facts": facts,
	"severity": "critical",
} if {
	revoked.event_id
	input.event.outcome == "success"
	revoked.minutes_ago > grace_minutes
}

alert := {
	"reason": sprintf("accepted %v min after it was revoked, from AS%d: the revocation may still be propagating", [
		revoked.minutes_ago, asn,
	]),
	"facts": facts,
	"severity": "high",
} if {
	revoked.event_id
	input.event.outcome == "success"
	revoked.minutes_ago <= grace_minutes
}

alert := {
	"reason": sprintf("presented again (%s) %v min after it was revoked, from AS%d", [
		input.event.outcome, revoked.minutes_ago, asn,
	]),
	"facts": facts,
	"severity": "low",
} if {
	revoked.event_id
	input.event.outcome != "success"
}

facts := {"revoked": revoked, "outcome": input.event.outcome, "asn": asn}

asn := object.get(object.get(input.event, "source", {}), "asn", 0)
