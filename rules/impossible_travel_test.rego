package credwatch.rules.impossible_travel_test

import data.credwatch.rules.impossible_travel as rule

ev := {"action": "token.use", "outcome": "success", "tenant": "acme", "actor": {"id": "alice"}, "token": {"id": "t"}, "source": {}}

test_paris_to_sydney_in_an_hour_alerts if {
	ctx := {"travel": {"km": 16960, "hours": 1, "speed_kmh": 16960, "from_country": "FR", "to_country": "AU"}, "first_seen": {"country": true}, "network": {"actors": 1}}
	a := rule.alert with input as {"event": ev, "context": ctx}
	a.facts.speed_kmh == 16960
	a.severity == "high"
}

test_shared_network_with_usual_client_is_low if {
	ctx := {"travel": {"km": 16960, "hours": 1, "speed_kmh": 16960, "from_country": "FR", "to_country": "AU"},
		"first_seen": {"country": true, "ua_family": false}, "network": {"actors": 40}}
	a := rule.alert with input as {"event": ev, "context": ctx}
	a.severity == "low"
}

test_shared_network_with_new_client_is_high if {
	ctx := {"travel": {"km": 16960, "hours": 1, "speed_kmh": 16960, "from_country": "FR", "to_country": "AU"},
		"first_seen": {"country": true, "ua_family": true}, "network": {"actors": 40}}
	a := rule.alert with input as {"event": ev, "context": ctx}
	a.severity == "high"
}

test_a_real_flight_is_fine if {
	ctx := {"travel": {"km": 880, "hours": 2, "speed_kmh": 440, "from_country": "FR", "to_country": "DE"}}
	not rule.alert with input as {"event": ev, "context": ctx}
}

test_geo_noise_is_fine if {
	ctx := {"travel": {"km": 120, "hours": 0.01, "speed_kmh": 12000, "from_country": "DE", "to_country": "DE"}}
	not rule.alert with input as {"event": ev, "context": ctx}
}

test_no_previous_location_is_fine if {
	not rule.alert with input as {"event": ev, "context": {}}
}

test_jump_back_to_a_usual_place_is_fine if {
	ctx := {"travel": {"km": 16960, "hours": 1, "speed_kmh": 16960, "from_country": "AU", "to_country": "FR"}, "first_seen": {"country": false, "asn": false}}
	not rule.alert with input as {"event": ev, "context": ctx}
}

test_learning_credential_is_low if {
	ctx := {"travel": {"km": 16960, "hours": 1, "speed_kmh": 16960, "from_country": "FR", "to_country": "AU"},
		"first_seen": {"country": true, "ua_family": true}, "network": {"actors": 1}, "learning": true}
	a := rule.alert with input as {"event": ev, "context": ctx}
	a.severity == "low"
}

test_one_network_with_usual_client_is_low if {
	ctx := {"travel": {"km": 8900, "hours": 0.4, "speed_kmh": 22250, "from_country": "US", "to_country": "NL", "same_network": true},
		"first_seen": {"country": true, "ua_family": false}, "network": {"actors": 1}}
	a := rule.alert with input as {"event": ev, "context": ctx}
	a.severity == "low"
}

test_one_network_with_new_client_is_high if {
	ctx := {"travel": {"km": 8900, "hours": 0.4, "speed_kmh": 22250, "from_country": "US", "to_country": "NL", "same_network": true},
		"first_seen": {"country": true, "ua_family": true}, "network": {"actors": 1}}
	a := rule.alert with input as {"event": ev, "context": ctx}
	a.severity == "high"
}
