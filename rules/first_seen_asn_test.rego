package credwatch.rules.first_seen_asn_test

import data.credwatch.rules.first_seen_asn as rule

ev := {"action": "token.use", "outcome": "success", "tenant": "acme", "actor": {"id": "alice"},
	"token": {"id": "tok1"}, "source": {"asn": 3320, "as_org": "DTAG"}}

ctx := {"first_seen": {"asn": true}, "actor": {"known_asn": false}, "learning": false, "history_days": 40,
	"profile": {"asn": "UNSEEN"}, "known_asns": 2}

test_new_asn_after_learning_alerts if {
	a := rule.alert with input as {"event": ev, "context": ctx}
	a.facts.profile == "UNSEEN"
}

test_learning_period_is_quiet if {
	not rule.alert with input as {"event": ev, "context": object.union(ctx, {"learning": true})}
}

test_known_asn_is_quiet if {
	not rule.alert with input as {"event": ev, "context": object.union(ctx, {"first_seen": {"asn": false}})}
}

test_the_owners_other_network_is_quiet if {
	not rule.alert with input as {"event": ev, "context": object.union(ctx, {"actor": {"known_asn": true}})}
}
