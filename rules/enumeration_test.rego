package credwatch.rules.enumeration_test

import data.credwatch.rules.enumeration as rule

ev := {"action": "secret.list", "outcome": "denied", "tenant": "acme", "actor": {"id": "alice"}, "token": {"id": "t"}}

window(distinct, median, mad) := {"minutes": 10, "events": distinct, "distinct": distinct, "denied": distinct - 2,
	"baseline": {"buckets": 30, "median": median, "mad": mad, "p99": median + 3}}

test_sweep_far_above_baseline_alerts if {
	a := rule.alert with input as {"event": ev, "context": {"window": window(45, 3, 1)}}
	a.facts.threshold == 20
	contains(a.reason, "45 distinct")
}

test_busy_credential_needs_more if {
	not rule.alert with input as {"event": ev, "context": {"window": window(60, 30, 4)}}
	a := rule.alert with input as {"event": ev, "context": {"window": window(70, 30, 4)}}
	a.facts.threshold == 66
}

test_small_window_is_fine if {
	not rule.alert with input as {"event": ev, "context": {"window": window(12, 0, 0)}}
}

test_new_credential_needs_refusals if {
	w := object.union(window(45, 0, 0), {"denied": 3, "baseline": {"buckets": 0, "median": 0, "mad": 0, "p99": 0}})
	not rule.alert with input as {"event": ev, "context": {"window": w}}
	refused := object.union(w, {"denied": 30})
	rule.alert with input as {"event": ev, "context": {"window": refused}}
}

test_a_sweep_belongs_to_the_credentials_tenant if {
	ev2 := object.union(ev, {"tenant": "victim", "token": {"id": "t", "tenant": "acme"}})
	a := rule.alert with input as {"event": ev2, "context": {"window": window(45, 3, 1)}}
	a.tenant == "acme"
}

test_a_learning_credential_needs_refusals_even_with_windows if {
	w := object.union(window(45, 3, 1), {"denied": 3})
	not rule.alert with input as {"event": ev, "context": {"window": w, "learning": true}}
}

fresh := object.union(window(35, 0, 0), {"denied": 0, "baseline": {"buckets": 0, "median": 0, "mad": 0, "p99": 0}})

stranger := {"window": fresh, "actor": {"known_asn": true, "asn_hours": 0, "learning": false, "known_asns": 3}}

test_a_fresh_session_sweeping_from_a_strangers_network_alerts if {
	rule.alert with input as {"event": ev, "context": stranger}
}

test_a_fresh_session_on_the_actors_network_needs_refusals if {
	not rule.alert with input as {"event": ev, "context": object.union(stranger, {"actor": {"asn_hours": 400}})}
	rule.alert with input as {"event": ev, "context": object.union(stranger, {"actor": {"asn_hours": 23}})}
}

test_a_roaming_or_learning_actor_needs_refusals if {
	not rule.alert with input as {"event": ev, "context": object.union(stranger, {"actor": {"known_asns": 40}})}
	not rule.alert with input as {"event": ev, "context": object.union(stranger, {"actor": {"learning": true}})}
}

test_an_actor_that_sweeps_as_a_habit_needs_refusals if {
	habit := {"distinct": 35, "baseline": {"buckets": 20, "median": 30, "mad": 2, "p99": 31}}
	not rule.alert with input as {"event": ev, "context": object.union(stranger, {"actor": {"window": habit}})}
	rare := {"distinct": 35, "baseline": {"buckets": 20, "median": 2, "mad": 1, "p99": 3}}
	rule.alert with input as {"event": ev, "context": object.union(stranger, {"actor": {"window": rare}})}
}
