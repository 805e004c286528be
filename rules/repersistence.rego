# METADATA
# title: Re-persistence after a revocation
# description: >-
#   Soon after a token was revoked, the same actor created a new token or a
#   webhook from a network that actor never used: whoever holds the session
#   is rebuilding the access that was just taken away.
# custom:
#   id: repersistence
#   severity: high
#   tier: revoke
#   actions: [token.create, webhook.create]
package credwatch.rules.repersistence

alert := {
	"reason": sprintf("%s by %s %v min after revoking %s, from AS%d (%s), a network this actor never used", [
		input.event.action, input.event.actor.id, input.context.sequence.revoked.minutes_ago,
		input.context.sequence.revoked.subject, input.event.source.asn, object.get(input.event.source, "as_org", ""),
	]),
	"facts": {"revoked": input.context.sequence.revoked, "action": input.event.action, "asn": input.event.source.asn},
	"subject": sprintf("actor:%s", [input.event.actor.id]),
} if {
	input.context.sequence.revoked.event_id
	not input.context.actor.known_asn
	not input.context.actor.learning
	input.event.outcome == "success"
}
