# METADATA
# title: Token minted then used from another network within minutes
# description: >-
#   A token was created and, within 30 minutes, used from a network other than
#   the one it was created from and one its owner never acts from: whoever
#   minted it (often with a stolen session) handed it to another machine. An
#   actor new to the engine (a fresh role session) is judged by its tenant's
#   networks.
# custom:
#   id: minted_then_used_elsewhere
#   severity: high
#   tier: revoke
#   actions: [token.use, secret.read, secret.list]
package credwatch.rules.minted_then_used_elsewhere

alert := {
	"reason": sprintf("created from AS%d, used %v min later from AS%d (%s), a network this actor never used", [
		minted_asn, input.context.sequence.minted.minutes_ago,
		input.event.source.asn, object.get(input.event.source, "as_org", ""),
	]),
	"facts": {"minted": input.context.sequence.minted, "asn": input.event.source.asn, "actor_known_asns": input.context.actor.known_asns},
} if {
	input.context.sequence.minted.event_id
	minted_asn != input.event.source.asn
	not input.context.actor.known_asn
	not known_to_the_tenant_of_a_new_actor
	not input.event.source.internal
}

# A new actor has no networks of its own: a fresh AWS role session, a Vault
# token whose display name is new, a new service account. Those are what
# this rule is for, so such an actor is judged by its tenant's networks,
# and stays quiet only while the tenant itself is new to the engine too.
known_to_the_tenant_of_a_new_actor if {
	input.context.actor.learning
	input.context.tenant.known_asn
}

known_to_the_tenant_of_a_new_actor if {
	input.context.actor.learning
	input.context.tenant.learning
}

# minted_asn is 0 when the creation's network is unknown (an internal or
# unenriched request): any network is then elsewhere, and the owner's own
# networks stay quiet through actor.known_asn.
minted_asn := object.get(input.context.sequence.minted, "asn", 0)
