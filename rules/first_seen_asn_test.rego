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

test_a_never_used_token_is_judged_by_its_owner if {
	c := object.union(ctx, {"uses": 0, "history_days": 0, "credential_learning": true, "actor": {"learning": false}})
	a := rule.alert with input as {"event": ev, "context": c}
	contains(a.reason, "first use of this credential")
}

test_a_never_used_token_from_the_owners_network_is_quiet if {
	c := object.union(ctx, {"uses": 0, "credential_learning": true, "actor": {"known_asn": true}})
	not rule.alert with input as {"event": ev, "context": c}
}

test_a_new_owner_is_judged_by_the_tenant if {
	c := object.union(ctx, {"uses": 0, "actor": {"learning": true, "known_asn": false}, "tenant": {"known_asn": true}})
	not rule.alert with input as {"event": ev, "context": c}
	c2 := object.union(c, {"tenant": {"known_asn": false}})
	rule.alert with input as {"event": ev, "context": c2}
}

test_a_workload_bound_token_is_left_to_its_own_rule if {
	e := object.union(ev, {"token": {"workload": "space:acme/chat"}})
	not rule.alert with input as {"event": e, "context": ctx}
}
