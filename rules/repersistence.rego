# METADATA
# title: Re-persistence after a revocation
# description: >-
#   Soon after a token was revoked, the same actor created a new token or a
#   webhook from a network that actor never used, or first used less than a
#   day before (the holder's own whoami from it) and not the network the
#   revocation came from: whoever holds the session is rebuilding the access
#   that was just taken away.
# custom:
#   id: repersistence
#   severity: high
#   tier: revoke
#   actions: [token.create, webhook.create]
package credwatch.rules.repersistence

alert := {
	"reason": sprintf("%s by %s %v min after revoking %s, from AS%d (%s), a network this actor did not use before today", [
		input.event.action, input.event.actor.id, input.context.sequence.revoked.minutes_ago,
		input.context.sequence.revoked.subject, input.event.source.asn, object.get(input.event.source, "as_org", ""),
	]),
	"facts": {
		"revoked": input.context.sequence.revoked, "action": input.event.action, "asn": input.event.source.asn,
		"actor_network_hours": object.get(input.context.actor, "asn_hours", 0),
	},
	"subject": sprintf("actor:%s", [input.event.actor.id]),
} if {
	input.context.sequence.revoked.event_id
	not settled_network
	not input.context.actor.learning
	input.event.outcome == "success"
}

# settled_network: the actor has used this network for a day or more. The
# thief's whoami from their server, minutes before, does not make it theirs.
settled_network if {
	input.context.actor.known_asn
	input.context.actor.asn_hours >= 24
}

# settled_network: the revocation came from this network, which the actor
# had used for an hour or more before it: whoever revoked sits where the new
# token is made (a user rotating a token on the road).
settled_network if {
	input.context.actor.known_asn
	input.context.sequence.revoked.asn == input.event.source.asn
	input.context.actor.asn_hours * 60 >= input.context.sequence.revoked.minutes_ago + 60
}
