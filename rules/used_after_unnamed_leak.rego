# METADATA
# title: New network soon after a leak the report did not name
# description: >-
#   A leak was reported in the tenant without naming the credential (GitHub's
#   secret scanning alert names only the secret's type), and within a day one
#   of the tenant's credentials succeeded from a network that neither it, its
#   actor nor any member of the tenant had used (one that roams over ten
#   networks or more, a hosted CI runner's, meets new ones daily). Scrapers use
#   what they find within minutes: this is likely the leaked credential, in a
#   stranger's hands.
# custom:
#   id: used_after_unnamed_leak
#   severity: high
#   tier: revoke
#   actions: [token.use, secret.read, secret.list]
package credwatch.rules.used_after_unnamed_leak

alert := {
	"reason": sprintf("used from AS%d (%s), a network new to it and to the tenant, %v min after a leak was reported in the tenant", [
		input.event.source.asn, object.get(input.event.source, "as_org", ""), input.context.tenant.leak_reported.minutes_ago,
	]),
	"facts": {"leak_report": input.context.tenant.leak_reported, "asn": input.event.source.asn},
} if {
	input.context.tenant.leak_reported.event_id
	input.event.outcome == "success"
	input.context.first_seen.asn
	not input.context.actor.known_asn
	not input.context.tenant.known_asn
	not input.event.source.internal
	not roaming
}

# roaming: a credential or actor that has used this many networks (a hosted
# CI runner's bot, on every cloud address block) meets new ones daily.
roaming if input.context.known_asns >= roaming_networks

roaming if input.context.actor.known_asns >= roaming_networks

roaming_networks := 10
