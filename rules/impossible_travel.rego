# METADATA
# title: Impossible travel between two uses of a credential
# description: >-
#   Two consecutive uses of the same credential from places farther apart than
#   an airliner could fly in the time between them, to a country or network
#   the credential has not used before (a jump back to a usual place is a
#   VPN switched off, not travel).
# custom:
#   id: impossible_travel
#   severity: high
#   tier: revoke
#   actions: [token.use, secret.read, secret.list]
package credwatch.rules.impossible_travel

# max_speed_kmh is faster than any airliner, so ordinary flights never match.
max_speed_kmh := 1000

# min_distance_km ignores geolocation noise within one metro area.
min_distance_km := 500

alert := {
	"reason": sprintf("%.0f km from %s to %s in %.1f h (%.0f km/h)", [
		t.km, t.from_country, t.to_country, t.hours, t.speed_kmh,
	]),
	"facts": t,
} if {
	t := input.context.travel
	t.km >= min_distance_km
	t.speed_kmh > max_speed_kmh
	not object.get(input.event.source, "internal", false)
	new_place
}

new_place if input.context.first_seen.country

new_place if input.context.first_seen.asn
