# METADATA
# title: First-seen network for a credential
# description: >-
#   The credential was used from an autonomous system neither it nor its actor
#   used within the forget horizon. A credential never used before is judged by its owner's networks, and an
#   owner new to the engine by the tenant's: the first use of a stolen, never-used token counts. Alone this is
#   weak (travel, a new ISP, a CI runner's new address block), so it is low severity, and medium when
#   the network is one few actors use (not a shared ISP or VPN) and the client is new to the credential
#   and its actor too: someone else's machine and tooling, not the owner on a trip.
# custom:
#   id: first_seen_asn
#   severity: low
#   tier: notify
#   actions: [token.use, secret.read, secret.list]
package credwatch.rules.first_seen_asn

alert := {
	"reason": reason,
	"facts": {
		"asn": input.event.source.asn, "profile": input.context.profile.asn, "known_asns": input.context.known_asns,
		"new_client": new_client,
	},
	"severity": severity,
} if {
	input.context.first_seen.asn
	not input.context.actor.known_asn
	not input.context.learning
	not input.event.source.internal
	not input.event.token.workload # off its platform is workload_token_off_platform's
	not known_to_the_tenant_of_a_new_actor
	not back_on_an_old_network
}

# A network the credential used often (10 % of its uses or more) before the
# forget horizon is one it returns to: a quarterly job, a dormant token
# (dormant_token_use's to judge), not a new place.
back_on_an_old_network if input.context.profile.asn in {"FREQUENT", "INFREQUENT"}

# An actor new to the engine has no networks of its own yet: the tenant's
# stand in for them.
known_to_the_tenant_of_a_new_actor if {
	input.context.actor.learning
	input.context.tenant.known_asn
}

reason := sprintf("first use of this credential, from AS%d (%s), a network its owner never used", [
	input.event.source.asn, object.get(input.event.source, "as_org", ""),
]) if {
	input.context.uses == 0
} else := sprintf("AS%d (%s) never seen for this credential in %d days of history", [
	input.event.source.asn, object.get(input.event.source, "as_org", ""), input.context.history_days,
])

# common_network_actors: a network this many actors use is shared (an ISP, a
# consumer VPN), not an attacker's own.
common_network_actors := 3

default new_client := false

new_client if {
	input.context.first_seen.ua_family
	not input.context.actor.known_ua_family
	not input.context.actor.learning
}

severity := "medium" if {
	new_client
	input.context.network.actors < common_network_actors
} else := "low"
