# METADATA
# title: First-seen network for a credential
# description: >-
#   The credential was used from an autonomous system neither it nor its actor
#   used within the forget horizon, after its learning period. Alone this is weak (travel, new ISP), so it is
#   low severity unless the network is a hosting or VPN provider.
# custom:
#   id: first_seen_asn
#   severity: low
#   tier: notify
#   actions: [token.use, secret.read, secret.list]
package credwatch.rules.first_seen_asn

alert := {
	"reason": sprintf("AS%d (%s) never seen for this credential in %d days of history", [
		input.event.source.asn, object.get(input.event.source, "as_org", ""), input.context.history_days,
	]),
	"facts": {"asn": input.event.source.asn, "profile": input.context.profile.asn, "known_asns": input.context.known_asns},
} if {
	input.context.first_seen.asn
	not input.context.actor.known_asn
	not input.context.learning
	not input.event.source.internal
}
