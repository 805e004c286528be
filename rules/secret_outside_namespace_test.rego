package credwatch.rules.secret_outside_namespace_test

import data.credwatch.rules.secret_outside_namespace as rule

ev := {"action": "secret.read", "outcome": "success", "actor": {"id": "system:serviceaccount:payments:api"},
	"secret": {"id": "kube-system/bootstrap-token-abcdef"}}

ns := {"home": "payments", "target": "kube-system", "days": 0, "denied": false, "namespaces": 0, "established": false}

ctx := {"learning": false, "actor": {"learning": false}, "namespace": ns}

with_ns(over) := object.union(ctx, {"namespace": object.union(ns, over)})

test_a_first_read_in_another_namespace_is_high if {
	a := rule.alert with input as {"event": ev, "context": ctx}
	a.severity == "high"
	a.facts.target == "kube-system"
	contains(a.reason, "kube-system")
}

test_every_secret_action_and_a_list_across_all_alert if {
	some action in ["secret.list", "secret.create", "secret.update", "secret.delete"]
	rule.alert with input as {"event": object.union(ev, {"action": action}), "context": ctx}
	a := rule.alert with input as {"event": object.union(ev, {"action": "secret.list"}), "context": with_ns({"target": "*"})}
	contains(a.reason, "every namespace")
}

test_a_young_account_is_medium if {
	a := rule.alert with input as {"event": ev, "context": object.union(ctx, {"actor": {"learning": true}})}
	a.severity == "medium"
}

test_a_first_refusal_is_medium_and_a_repeated_one_quiet if {
	e := object.union(ev, {"outcome": "denied"})
	a := rule.alert with input as {"event": e, "context": ctx}
	a.severity == "medium"
	contains(a.reason, "refused")
	not rule.alert with input as {"event": e, "context": with_ns({"denied": true})}
}

test_a_success_after_refusals_still_alerts if {
	rule.alert with input as {"event": ev, "context": with_ns({"denied": true})}
}

test_known_established_or_learning_is_quiet if {
	not rule.alert with input as {"event": ev, "context": with_ns({"days": 1})}
	not rule.alert with input as {"event": ev, "context": with_ns({"established": true})}
	not rule.alert with input as {"event": ev, "context": object.union(ctx, {"learning": true})}
	not rule.alert with input as {"event": ev, "context": object.union(ctx, {"namespace": null})}
	not rule.alert with input as {"event": object.union(ev, {"outcome": "failure"}), "context": ctx}
}

test_an_account_that_reached_others_names_them if {
	a := rule.alert with input as {"event": ev, "context": with_ns({"namespaces": 3})}
	contains(a.reason, "one of 3 namespaces")
}

test_a_person_listing_every_namespace_is_medium if {
	e := object.union(ev, {"action": "secret.list", "actor": {"id": "oidc:alice@example.com"}, "secret": {}})
	a := rule.alert with input as {"event": e, "context": with_ns({"home": "", "target": "*"})}
	a.severity == "medium"
	a.reason == "oidc:alice@example.com did secret.list on Secrets of every namespace, which it never did before"
	not rule.alert with input as {"event": e, "context": with_ns({"home": "", "target": "*", "days": 2})}
}

test_a_person_in_a_new_namespace_is_medium_unless_new if {
	e := object.union(ev, {"actor": {"id": "oidc:alice@example.com"}})
	a := rule.alert with input as {"event": e, "context": with_ns({"home": "", "namespaces": 1})}
	a.severity == "medium"
	contains(a.reason, "one of 1 namespaces")
	young := object.union(with_ns({"home": "", "namespaces": 1}), {"actor": {"learning": true}})
	not rule.alert with input as {"event": e, "context": young}
}
