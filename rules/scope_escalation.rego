# METADATA
# title: Token widened then used from a new network
# description: >-
#   A token's scopes were widened to write, admin or secret rights by a request from a
#   network its owner never used, or widened and, within the hour, used from a
#   network neither it nor its owner ever used: the classic path from a stolen
#   session to a powerful token in another machine's hands. The widening alone
#   alerts: the thief may never use the token from the same network.
# custom:
#   id: scope_escalation
#   severity: high
#   tier: revoke
#   actions: [token.use, secret.read, secret.list, token.update_scopes]
package credwatch.rules.scope_escalation

alert := {
	"reason": sprintf("scopes %v added %v min before a use from AS%d, new to this token", [
		privileged_used, input.context.sequence.scopes_added.minutes_ago, input.event.source.asn,
	]),
	"facts": {"added": input.context.sequence.scopes_added.scopes, "privileged": privileged_used, "asn": input.event.source.asn,
		"scopes_event": input.context.sequence.scopes_added.event_id},
} if {
	input.event.action != "token.update_scopes"
	count(privileged_used) > 0
	input.context.first_seen.asn
	not input.context.actor.known_asn
	not input.context.actor.learning
	not input.event.source.internal
} else := {
	"reason": sprintf("scopes %v added to this token by a request from AS%d (%s), a network its owner never used", [
		privileged_added, input.event.source.asn, object.get(input.event.source, "as_org", ""),
	]),
	"facts": {"added": input.context.scopes.added, "privileged": privileged_added, "asn": input.event.source.asn,
		"scopes_event": input.event.id},
} if {
	input.event.action == "token.update_scopes"
	input.event.outcome == "success"
	count(privileged_added) > 0
	not input.context.actor.known_asn
	not input.context.actor.learning
	not input.event.source.internal
}

privileged_used := privileged(input.context.sequence.scopes_added.scopes)

privileged_added := privileged(input.context.scopes.added)

# privileged are the scopes that write, administer, manage hooks or reach
# secrets (spaces.secrets.read hands over every secret a Space holds).
privileged(scopes) := [s |
	some s in scopes
	regex.match(`(write|admin|manage|webhook|secret)`, lower(s))
]
