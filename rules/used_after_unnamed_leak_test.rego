package credwatch.rules.used_after_unnamed_leak_test

import data.credwatch.rules.used_after_unnamed_leak as rule

ev := {"action": "token.use", "outcome": "success", "tenant": "acme", "actor": {"id": "bob"},
	"token": {"id": "t"}, "source": {"asn": 200651, "as_org": "Flokinet"}}

leak := {"event_id": "alert57", "minutes_ago": 4.5}

stranger := {"first_seen": {"asn": true}, "actor": {"known_asn": false}, "tenant": {"known_asn": false, "leak_reported": leak}}

test_a_strangers_network_after_the_report_alerts if {
	a := rule.alert with input as {"event": ev, "context": stranger}
	a.facts.leak_report.event_id == "alert57"
	contains(a.reason, "4.5 min")
}

test_no_report_is_fine if {
	ctx := {"first_seen": {"asn": true}, "actor": {"known_asn": false}, "tenant": {"known_asn": false}}
	not rule.alert with input as {"event": ev, "context": ctx}
}

test_a_network_of_the_tenant_is_fine if {
	not rule.alert with input as {"event": ev, "context": object.union(stranger, {"tenant": {"known_asn": true, "leak_reported": leak}})}
}

test_the_actors_own_network_is_fine if {
	not rule.alert with input as {"event": ev, "context": object.union(stranger, {"actor": {"known_asn": true}})}
}

test_a_refused_use_is_fine if {
	not rule.alert with input as {"event": object.union(ev, {"outcome": "denied"}), "context": stranger}
}

test_a_roaming_ci_bot_is_fine if {
	not rule.alert with input as {"event": ev, "context": object.union(stranger, {"known_asns": 233})}
	not rule.alert with input as {"event": ev, "context": object.union(stranger, {"actor": {"known_asns": 240}})}
	rule.alert with input as {"event": ev, "context": object.union(stranger, {"known_asns": 2, "actor": {"known_asns": 3}})}
}
