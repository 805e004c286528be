# METADATA
# title: Access key minted for another user from a network new to its creator
# description: >-
#   A principal created a long-term AWS access key for a different IAM user
#   (iam:CreateAccessKey naming another userName), from a network the
#   principal had not acted from until today. Whoever holds a stolen key or session gives
#   themselves a second, lasting way in that the first key's revocation does
#   not close (Stratus Red Team's aws.persistence.iam-backdoor-user and
#   iam-create-admin-user). The network counts as the caller's only once
#   the caller has used it for a day: a thief's whoami or CreateUser minutes
#   before, from the same server, does not make it theirs. A rotation by an
#   administrator from the usual network, a key for the caller itself, and
#   the sessions a role hands out (sts:AssumeRole) are not judged; a principal new to the engine is judged
#   by its tenant's networks.
# custom:
#   id: key_minted_for_another_user
#   severity: high
#   tier: revoke
#   actions: [token.create]
package credwatch.rules.key_minted_for_another_user

alert := {
	"reason": sprintf("%s created access key %s for %s from AS%d (%s), a network it did not use before today", [
		input.event.actor.id, input.event.token.id, input.event.token.owner,
		input.event.source.asn, object.get(input.event.source, "as_org", ""),
	]),
	"facts": {
		"key": input.event.token.id, "for": input.event.token.owner, "asn": input.event.source.asn,
		"actor_known_asns": object.get(input.context.actor, "known_asns", 0),
		"actor_network_hours": object.get(input.context.actor, "asn_hours", 0),
	},
	"subject": sprintf("actor:%s", [input.event.actor.id]),
} if {
	input.event.action == "token.create" # read first: a guard judged in Go
	input.event.outcome == "success"
	owner := iam_user(input.event.token.owner) # an IAM user's key (a session's owner is a role)
	not minted_by(owner)
	not input.event.source.internal
	input.event.source.asn != 0
	not settled_network
	not known_to_the_tenant_of_a_new_actor
}

# settled_network: the caller has used this network for a day or more. A
# thief's first calls from their server (a whoami, creating the user the key
# is for) make it one of the caller's networks minutes before the key.
settled_network if {
	input.context.actor.known_asn
	input.context.actor.asn_hours >= 24
}

# iam_user is the name of an IAM user's ARN (its last path segment: a user
# with a path, arn:aws:iam::1:user/ops/alice, is alice either way), and
# undefined for anything else (a role, an assumed-role session).
iam_user(arn) := name if {
	parts := split(arn, ":user/")
	count(parts) == 2
	segments := split(parts[1], "/")
	name := sprintf("%s:%s", [parts[0], segments[count(segments) - 1]])
}

# minted_by holds when the caller is the IAM user named: a key for itself.
minted_by(user) if iam_user(input.event.actor.id) == user

# A principal new to the engine (a fresh role session) has no networks of
# its own: the tenant's stand in for them, as long as the tenant has any.
known_to_the_tenant_of_a_new_actor if {
	input.context.actor.learning
	input.context.tenant.known_asn
}

known_to_the_tenant_of_a_new_actor if {
	input.context.actor.learning
	input.context.tenant.learning
}
