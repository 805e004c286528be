# METADATA
# title: Token replayed away from where it was issued
# description: >-
#   The vendor records where the access token was issued (Azure's ipaddr
#   claim), and it succeeded from another network (another /16, or /32 for
#   IPv6) that its actor had not used: a bearer token taken from the machine
#   it was issued to (a developer's laptop, a CI runner, a VM's managed
#   identity) and replayed from the thief's. An actor that roams over ten
#   networks or more (a hosted CI runner's bot) is not judged; a dual-stack
#   client issued over IPv4 and calling over IPv6 is not either.
# custom:
#   id: token_replayed_elsewhere
#   severity: high
#   tier: revoke
#   actions: [token.use, secret.read, secret.list, secret.update, secret.delete]
package credwatch.rules.token_replayed_elsewhere

alert := {
	"reason": sprintf("token issued to %s (%s) used from %s (%s), a network its actor never used", [
		input.context.issued.ip, input.context.issued.network, object.get(input.event.source, "ip", ""),
		object.get(input.event.source, "as_org", ""),
	]),
	"facts": {"issued": input.context.issued, "asn": input.event.source.asn},
} if {
	input.context.issued.elsewhere
	input.event.outcome == "success"
	not input.event.source.internal
	not input.context.actor.known_asn
	not roaming
}

# roaming: an actor on this many networks meets new ones daily.
roaming if input.context.actor.known_asns >= 10
