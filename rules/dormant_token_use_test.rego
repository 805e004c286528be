package credwatch.rules.dormant_token_use_test

import data.credwatch.rules.dormant_token_use as rule

ev := {"action": "token.use", "outcome": "success", "tenant": "acme", "actor": {"id": "alice"},
	"token": {"id": "t"}, "source": {"asn": 3320}}

test_dormant_from_new_network_is_medium if {
	ctx := {"idle_days": 120, "uses": 14, "profile": {"asn": "UNSEEN", "ua_family": "FREQUENT"}, "actor": {"known_asn": false}}
	a := rule.alert with input as {"event": ev, "context": ctx}
	a.severity == "medium"
	a.facts.idle_days == 120
}

test_dormant_back_home_is_low if {
	ctx := {"idle_days": 95, "uses": 14, "profile": {"asn": "FREQUENT", "ua_family": "FREQUENT"}}
	a := rule.alert with input as {"event": ev, "context": ctx}
	a.severity == "low"
}

test_recently_used_is_fine if {
	not rule.alert with input as {"event": ev, "context": {"idle_days": 89, "uses": 14, "profile": {"asn": "UNSEEN"}}}
}

test_never_used_before_is_not_dormant if {
	not rule.alert with input as {"event": ev, "context": {"idle_days": 0, "uses": 0}}
}

test_dormant_from_the_actors_other_network_is_low if {
	ctx := {"idle_days": 120, "uses": 14, "profile": {"asn": "UNSEEN", "ua_family": "FREQUENT"}, "actor": {"known_asn": true}}
	a := rule.alert with input as {"event": ev, "context": ctx}
	a.severity == "low"
}

test_dormant_with_only_a_new_client_is_low if {
	ctx := {"idle_days": 120, "uses": 14, "profile": {"asn": "FREQUENT", "ua_family": "UNSEEN"}}
	a := rule.alert with input as {"event": ev, "context": ctx}
	a.severity == "low"
}
