# METADATA
# title: Legacy org token used from a new network
# description: >-
#   A legacy org-wide API token (read, write and admin over the whole org,
#   deprecated in favour of fine-grained tokens) was used from a network it
#   never used. Low alone — travel and VPNs do this — but it points at a token
#   whose theft would cost the most; migrate it.
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
} if {
	input.event.token.kind == "org_legacy"
	input.context.first_seen.asn
	not input.context.learning
	not input.event.source.internal
}
