package credwatch.rules.org_legacy_token_use_test

import data.credwatch.rules.org_legacy_token_use as rule

ev := {"action": "token.use", "outcome": "success", "tenant": "acme", "actor": {"id": "alice"},
	"token": {"id": "t", "kind": "org_legacy", "tenant": "acme"}, "source": {"asn": 14061}}

test_legacy_token_from_new_network_alerts if {
	a := rule.alert with input as {"event": ev, "context": {"first_seen": {"asn": true}, "learning": false, "known_asns": 1}}
	a.facts.asn == 14061
}

test_fine_grained_token_is_fine if {
	fg := object.union(ev, {"token": {"id": "t", "kind": "fine_grained"}})
	not rule.alert with input as {"event": fg, "context": {"first_seen": {"asn": true}, "learning": false}}
}

test_learning_is_quiet if {
	not rule.alert with input as {"event": ev, "context": {"first_seen": {"asn": true}, "learning": true}}
}

test_a_first_seen_legacy_token_from_a_network_no_member_used_alerts if {
	ctx := {"first_seen": {"asn": true}, "learning": false, "credential_learning": true, "uses": 0,
		"tenant": {"known_asn": false}, "known_asns": 0, "network": {"actors": 0}}
	a := rule.alert with input as {"event": ev, "context": ctx}
	a.severity == "medium"
	shared := object.union(ctx, {"network": {"actors": 40}})
	b := rule.alert with input as {"event": ev, "context": shared}
	b.severity == "low"
}

test_a_first_seen_legacy_token_from_the_orgs_network_is_quiet if {
	ctx := {"first_seen": {"asn": true}, "learning": false, "credential_learning": true, "uses": 0,
		"tenant": {"known_asn": true}}
	not rule.alert with input as {"event": ev, "context": ctx}
}
