# METADATA
# title: Legacy org token used from a new network
# description: >-
#   A legacy org-wide API token (read, write and admin over the whole org,
#   deprecated in favour of fine-grained tokens) was used from a network it
#   never used. Low alone — travel and VPNs do this — but it points at a token
#   whose theft would cost the most; migrate it. A legacy token seen for the
#   first time from a network no member of the org ever used and few actors
#   on the platform share (a rented server, not a VPN exit) is medium.
# custom:
#   id: org_legacy_token_use
#   severity: low
#   tier: notify
#   actions: [token.use, secret.read, secret.list]
package credwatch.rules.org_legacy_token_use

alert := {
	"reason": sprintf("org_legacy token of %s used from AS%d (%s), new to it", [
		object.get(input.event.token, "tenant", "?"), input.event.source.asn, object.get(input.event.source, "as_org", ""),
	]),
	"facts": {"kind": "org_legacy", "asn": input.event.source.asn, "known_asns": input.context.known_asns},
	"severity": severity,
} if {
	input.event.token.kind == "org_legacy"
	input.context.first_seen.asn
	not input.context.learning
	not input.event.source.internal
	new_to_the_org
}

# A token with a history of its own is judged by it; one seen for the first
# time (an org-wide token has no owner to judge by) by whether any member of
# the org ever used the network.
new_to_the_org if not input.context.credential_learning

new_to_the_org if not input.context.tenant.known_asn

severity := "medium" if {
	input.context.credential_learning
	not input.context.tenant.known_asn
	input.context.network.actors < common_network_actors
} else := "low"

# common_network_actors: a network this many actors use is shared (an ISP, a
# VPN exit), not one attacker's server.
common_network_actors := 3
