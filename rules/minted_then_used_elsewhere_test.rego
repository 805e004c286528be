package credwatch.rules.minted_then_used_elsewhere_test

import data.credwatch.rules.minted_then_used_elsewhere as rule

ev := {"action": "token.use", "outcome": "success", "tenant": "acme", "actor": {"id": "alice"},
	"token": {"id": "t"}, "source": {"asn": 14061, "as_org": "DigitalOcean"}}

minted := {"event_id": "c1", "minutes_ago": 4, "asn": 3320}

test_minted_then_used_from_unknown_network_alerts if {
	a := rule.alert with input as {"event": ev, "context": {"sequence": {"minted": minted}, "actor": {"known_asn": false, "known_asns": 2}}}
	a.facts.minted.event_id == "c1"
}

test_used_from_the_owners_other_network_is_fine if {
	not rule.alert with input as {"event": ev, "context": {"sequence": {"minted": minted}, "actor": {"known_asn": true}}}
}

test_used_from_where_it_was_minted_is_fine if {
	same := object.union(ev, {"source": {"asn": 3320}})
	not rule.alert with input as {"event": same, "context": {"sequence": {"minted": minted}, "actor": {"known_asn": false}}}
}

test_old_token_is_fine if {
	not rule.alert with input as {"event": ev, "context": {"sequence": {}, "actor": {"known_asn": false}}}
}

test_new_actor_on_a_network_its_tenant_uses_is_quiet if {
	ctx := {"sequence": {"minted": minted}, "actor": {"known_asn": false, "learning": true}, "tenant": {"known_asn": true}}
	not rule.alert with input as {"event": ev, "context": ctx}
}

test_new_actor_of_a_new_tenant_is_quiet if {
	ctx := {"sequence": {"minted": minted}, "actor": {"known_asn": false, "learning": true}, "tenant": {"learning": true}}
	not rule.alert with input as {"event": ev, "context": ctx}
}

# A fresh role session (a new actor) minted on one network and used from
# one its tenant never used: the stolen key's AssumeRole.
test_new_actor_on_a_network_new_to_its_tenant_alerts if {
	ctx := {"sequence": {"minted": minted}, "actor": {"known_asn": false, "known_asns": 0, "learning": true}, "tenant": {"known_asn": false, "learning": false}}
	a := rule.alert with input as {"event": ev, "context": ctx}
	a.facts.minted.asn == 3320
}

test_minted_from_an_unknown_network_then_used_elsewhere_alerts if {
	unknown := {"event_id": "c1", "minutes_ago": 4}
	a := rule.alert with input as {"event": ev, "context": {"sequence": {"minted": unknown}, "actor": {"known_asn": false, "known_asns": 1}}}
	contains(a.reason, "created from AS0")
	not rule.alert with input as {"event": ev, "context": {"sequence": {"minted": unknown}, "actor": {"known_asn": true}}}
}

test_use_from_an_unknown_network_is_not_elsewhere if {
	nowhere := object.remove(ev, ["source"])
	not rule.alert with input as {"event": nowhere, "context": {"sequence": {"minted": minted}, "actor": {"known_asn": false}}}
	not rule.alert with input as {"event": nowhere, "context": {"sequence": {"minted": {"event_id": "c1"}}, "actor": {"known_asn": false}}}
}
