package credwatch.rules.workload_token_new_client_test

import data.credwatch.rules.workload_token_new_client as rule

ev := {"action": "secret.read", "outcome": "success", "actor": {"id": "system:serviceaccount:payments:api"},
	"token": {"id": "JTI=1", "workload": "pod:payments/api-7d9f"},
	"source": {"internal": true, "user_agent": "kubectl/v1.30.2 (darwin/arm64) kubernetes/3968350"}}

ctx := {"learning": false, "first_seen": {"ua_family": true}, "actor": {"learning": false, "known_ua_family": false}}

test_kubectl_on_a_pods_token_alerts if {
	a := rule.alert with input as {"event": ev, "context": ctx}
	a.facts.client == "kubectl"
	a.facts.internal
}

test_other_tools_alert if {
	some ua in ["curl/8.5.0", "Mozilla/5.0 (X11; Linux x86_64)", "python-requests/2.31.0", "aws-cli/2.15.0 Python/3.11", "Go-http-client/1.1"]
	e := object.union(ev, {"source": {"user_agent": ua, "internal": false}})
	rule.alert with input as {"event": e, "context": ctx}
}

test_the_workloads_own_client_is_quiet if {
	e := object.union(ev, {"source": {"user_agent": "payments-api/v1.4.2 (linux/amd64) kubernetes/$Format"}})
	not rule.alert with input as {"event": e, "context": ctx}
}

test_a_client_the_principal_used_is_quiet if {
	c := object.union(ctx, {"actor": {"learning": false, "known_ua_family": true}})
	not rule.alert with input as {"event": ev, "context": c}
	d := object.union(ctx, {"first_seen": {"ua_family": false}})
	not rule.alert with input as {"event": ev, "context": d}
}

test_learning_unbound_or_refused_is_quiet if {
	not rule.alert with input as {"event": ev, "context": object.union(ctx, {"actor": {"learning": true, "known_ua_family": false}})}
	not rule.alert with input as {"event": ev, "context": object.union(ctx, {"learning": true})}
	not rule.alert with input as {"event": object.union(ev, {"token": {"id": "JTI=1", "workload": ""}}), "context": ctx}
	not rule.alert with input as {"event": object.union(ev, {"outcome": "denied"}), "context": ctx}
}
