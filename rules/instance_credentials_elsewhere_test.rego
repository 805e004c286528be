package credwatch.rules.instance_credentials_elsewhere_test

import data.credwatch.rules.instance_credentials_elsewhere as rule

ev := {
	"action": "secret.read", "outcome": "success",
	"actor": {"id": "arn:aws:sts::123456789012:assumed-role/app/i-0abc123def4567890"},
	"token": {"id": "ASIAEXAMPLE", "kind": "session"},
	"source": {"ip": "45.9.148.3", "asn": 4200001234, "as_org": "IP network 45.9.0.0/16", "user_agent": "aws-cli/2.15.10 Python/3.11.6 Linux/6.5.0-kali3-amd64"},
	"attrs": {"aws.ec2_instance": "i-0abc123def4567890", "aws.ec2_role_delivery": "1.0"},
}

ctx := {
	"learning": false,
	"uses": 3,
	"actor": {"known_asn": false, "known_asns": 1, "known_ua_family": false},
	"tenant": {"known_asn": false},
}

test_the_instances_own_key_elsewhere_is_high_with_a_new_client if {
	a := rule.alert with input as {"event": ev, "context": ctx}
	a.severity == "high"
	a.facts.instance == "i-0abc123def4567890"
	a.facts.imds == "1.0"
	contains(a.reason, "45.9.148.3")
	b := rule.alert with input as {"event": ev, "context": object.union(ctx, {"actor": {"known_asn": false, "known_asns": 1, "known_ua_family": true}})}
	b.severity == "medium"
}

test_a_fresh_key_with_a_new_client_is_medium if {
	a := rule.alert with input as {"event": ev, "context": object.union(ctx, {"uses": 0})}
	a.severity == "medium"
}

test_a_fresh_key_with_the_instances_client_is_quiet if {
	c := object.union(ctx, {"uses": 0, "actor": {"known_asn": false, "known_asns": 1, "known_ua_family": true}})
	not rule.alert with input as {"event": ev, "context": c}
}

test_a_refused_call_alerts_too if {
	rule.alert with input as {"event": object.union(ev, {"outcome": "denied"}), "context": ctx}
}

test_known_networks_are_quiet if {
	not rule.alert with input as {"event": ev, "context": object.union(ctx, {"actor": {"known_asn": true, "known_asns": 1}})}
	not rule.alert with input as {"event": ev, "context": object.union(ctx, {"tenant": {"known_asn": true}})}
}

test_first_network_internal_and_learning_are_quiet if {
	not rule.alert with input as {"event": ev, "context": object.union(ctx, {"actor": {"known_asn": false, "known_asns": 0}})}
	not rule.alert with input as {"event": object.union(ev, {"source": {"ip": "10.0.3.7", "internal": true, "asn": 0}}), "context": ctx}
	not rule.alert with input as {"event": ev, "context": object.union(ctx, {"learning": true})}
	not rule.alert with input as {"event": object.union(ev, {"outcome": "failure"}), "context": ctx}
}

test_other_credentials_are_not_judged if {
	not rule.alert with input as {"event": object.remove(ev, ["attrs"]), "context": ctx}
	not rule.alert with input as {"event": object.union(ev, {"attrs": {"aws.ec2_instance": ""}}), "context": ctx}
}
