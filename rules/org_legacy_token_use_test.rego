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
