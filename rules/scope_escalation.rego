# METADATA
# title: Token widened then used from a new network
# description: >-
#   A token's scopes were widened to write or admin rights and, within the
#   hour, the token was used from a network neither it nor its owner ever
#   used: the classic path
#   from a stolen session to a powerful token in another machine's hands.
# custom:
#   id: scope_escalation
#   severity: high
#   tier: revoke
#   actions: [token.use, secret.read, secret.list]
package credwatch.rules.scope_escalation

alert := {
	"reason": sprintf("scopes %v added %v min before a use from AS%d, new to this token", [
		privileged, input.context.sequence.scopes_added.minutes_ago, input.event.source.asn,
	]),
	"facts": {"added": input.context.sequence.scopes_added.scopes, "privileged": privileged, "asn": input.event.source.asn,
		"scopes_event": input.context.sequence.scopes_added.event_id},
} if {
	count(privileged) > 0
	input.context.first_seen.asn
	not input.context.actor.known_asn
	not input.context.actor.learning
	not input.event.source.internal
}

# privileged are the added scopes that write, administer or manage hooks.
privileged := [s |
	some s in input.context.sequence.scopes_added.scopes
	regex.match(`(write|admin|manage|webhook)`, s)
]
