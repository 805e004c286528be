# METADATA
# title: Impossible travel between two uses of a credential
# description: >-
#   Two consecutive uses of the same credential from places farther apart than
#   an airliner could fly in the time between them, to a country or network
#   the credential has not used before (a jump back to a usual place is a
#   VPN switched off, not travel). High when the new network is rare on the
#   platform or the client is new to the credential; low when it is a network
#   many users share and the usual client (a consumer VPN, or a trip), when
#   both uses came from one network and the usual client (a cloud provider's
#   regions, as CI runners hop between them; a carrier's roaming), or while
#   the credential is still in its learning period.
# custom:
#   id: impossible_travel
#   severity: high
#   tier: revoke
#   actions: [token.use, secret.read, secret.list]
package credwatch.rules.impossible_travel

# max_speed_kmh is above any airliner's ground speed, jet-stream tailwinds
# included (~1,100 km/h), so ordinary flights never match.
max_speed_kmh := 1200

# min_distance_km ignores geolocation noise within one metro area.
min_distance_km := 500

alert := {
	"reason": sprintf("%v km from %s to %s in %v h (%v km/h)", [
		input.context.travel.km, input.context.travel.from_country, input.context.travel.to_country,
		input.context.travel.hours, input.context.travel.speed_kmh,
	]),
	"facts": object.union(input.context.travel, {"network_actors": input.context.network.actors, "new_client": new_client}),
	"severity": severity,
} if {
	input.context.travel.km >= min_distance_km
	input.context.travel.speed_kmh > max_speed_kmh
	not input.event.source.internal
	new_place
}

# common_network_actors: a network this many actors use is shared (an ISP, a
# consumer VPN), not an attacker's own.
common_network_actors := 3

severity := "low" if {
	input.context.learning
} else := "low" if {
	input.context.network.actors >= common_network_actors
	not new_client
} else := "low" if {
	input.context.travel.same_network
	not new_client
} else := "high"

default new_client := false

new_client := true if input.context.first_seen.ua_family

new_place if input.context.first_seen.country

new_place if input.context.first_seen.asn
