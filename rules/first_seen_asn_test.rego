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

rare := {"first_seen": {"asn": true, "ua_family": true}, "actor": {"known_asn": false, "known_ua_family": false, "learning": false}, "network": {"actors": 0}}

test_rare_network_and_new_client_is_medium if {
	a := rule.alert with input as {"event": ev, "context": object.union(ctx, rare)}
	a.severity == "medium"
	a.facts.new_client
}

test_usual_client_shared_network_or_learning_actor_stays_low if {
	usual := object.union(ctx, object.union(rare, {"first_seen": {"asn": true, "ua_family": false}}))
	a1 := rule.alert with input as {"event": ev, "context": usual}
	a1.severity == "low"
	known := object.union(ctx, object.union(rare, {"actor": {"known_asn": false, "known_ua_family": true, "learning": false}}))
	a2 := rule.alert with input as {"event": ev, "context": known}
	a2.severity == "low"
	shared := object.union(ctx, object.union(rare, {"network": {"actors": 12}}))
	a3 := rule.alert with input as {"event": ev, "context": shared}
	a3.severity == "low"
	young := object.union(ctx, object.union(rare, {"actor": {"known_asn": false, "known_ua_family": false, "learning": true}}))
	a4 := rule.alert with input as {"event": ev, "context": young}
	a4.severity == "low"
	a5 := rule.alert with input as {"event": ev, "context": ctx}
	a5.severity == "low"
}

test_back_on_a_network_used_often_before_the_horizon_is_quiet if {
	not rule.alert with input as {"event": ev, "context": object.union(ctx, {"profile": {"asn": "FREQUENT"}})}
	not rule.alert with input as {"event": ev, "context": object.union(ctx, {"profile": {"asn": "INFREQUENT"}})}
	rule.alert with input as {"event": ev, "context": object.union(ctx, {"profile": {"asn": "RARE"}})}
}
