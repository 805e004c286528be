package credwatch.rules.instance_credentials_from_commander_test

import data.credwatch.rules.instance_credentials_from_commander as rule

ev := {
	"action": "token.use", "outcome": "success",
	"actor": {"id": "arn:aws:sts::123456789012:assumed-role/app/i-0abc123def4567890"},
	"token": {"id": "ASIAEXAMPLE", "kind": "session"},
	"source": {"ip": "18.236.253.47", "asn": 16509, "user_agent": "aws-cli/2.15.10"},
	"attrs": {"aws.ec2_instance": "i-0abc123def4567890", "aws.ec2_role_delivery": "1.0", "operation": "sts:GetCallerIdentity"},
}

command := {
	"event_id": "c-1", "minutes_ago": 0.5, "asn": 16509, "subject": "i-0abc123def4567890",
	"actor": "arn:aws:iam::123456789012:user/christophe", "ip": "18.236.253.47",
}

ctx := {"learning": true, "uses": 0, "sequence": {"instance_commanded": command}}

test_credentials_from_the_commanders_network_are_high if {
	a := rule.alert with input as {"event": ev, "context": ctx}
	a.severity == "high"
	a.facts.instance == "i-0abc123def4567890"
	a.facts.command.event_id == "c-1"
	a.facts.imds == "1.0"
	contains(a.reason, "christophe")
	contains(a.reason, "18.236.253.47")
}

test_a_refused_call_alerts_too if {
	rule.alert with input as {"event": object.union(ev, {"outcome": "denied"}), "context": ctx}
}

test_a_failed_call_is_quiet if {
	not rule.alert with input as {"event": object.union(ev, {"outcome": "failure"}), "context": ctx}
}

test_no_command_is_quiet if {
	not rule.alert with input as {"event": ev, "context": {"learning": true, "uses": 0, "sequence": {}}}
}

test_not_an_instance_is_quiet if {
	not rule.alert with input as {"event": object.union(ev, {"attrs": {"aws.ec2_instance": ""}}), "context": ctx}
	not rule.alert with input as {"event": object.remove(ev, ["attrs"]), "context": ctx}
}

test_an_internal_address_is_quiet if {
	e := object.union(ev, {"source": {"ip": "10.0.3.7", "internal": true}})
	not rule.alert with input as {"event": e, "context": ctx}
}

test_the_instance_commanding_itself_is_quiet if {
	c := object.union(ctx, {"sequence": {"instance_commanded": object.union(command, {"actor": ev.actor.id})}})
	not rule.alert with input as {"event": ev, "context": c}
}

test_a_commander_without_a_name_still_alerts if {
	c := {"learning": true, "uses": 0, "sequence": {"instance_commanded": object.remove(command, ["actor"])}}
	a := rule.alert with input as {"event": ev, "context": c}
	contains(a.reason, "someone")
}
