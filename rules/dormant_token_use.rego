# METADATA
# title: Dormant credential used again
# description: >-
#   A credential nobody used for 90 days or more was used again. Stolen tokens
#   are often old ones nobody watches. Medium when it comes back from a network
#   neither it nor its actor ever used; low when it returns to a familiar
#   place (a new client alone is a new laptop as often as a thief).
# custom:
#   id: dormant_token_use
#   severity: medium
#   tier: notify
#   actions: [token.use, secret.read, secret.list]
package credwatch.rules.dormant_token_use

min_idle_days := 90

alert := {
	"reason": sprintf("used after %d idle days (%d uses before, AS%d %s)", [
		input.context.idle_days, input.context.uses, object.get(input.event.source, "asn", 0),
		object.get(input.context.profile, "asn", "UNSEEN"),
	]),
	"facts": {"idle_days": input.context.idle_days, "uses": input.context.uses, "asn_profile": input.context.profile.asn},
	"severity": severity,
} if {
	input.context.idle_days >= min_idle_days
	input.event.outcome == "success"
}

severity := "medium" if {
	input.context.profile.asn == "UNSEEN"
	not input.context.actor.known_asn
} else := "low"
