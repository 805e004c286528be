package credwatch.rules.build_overread_test

import data.credwatch.rules.build_overread as rule

ev := {"action": "secret.read", "outcome": "success", "tenant": "acme", "actor": {"id": "space:acme/chat", "type": "build"},
	"secret": {"id": "sec_other", "workload": "space:acme/billing"},
	"workload": {"id": "space:acme/chat", "build_id": "bld_9", "phase": "build"}}

build(foreign, read, builds, most) := {"id": "bld_9", "workload": "space:acme/chat", "foreign": foreign,
	"secrets_read": read, "foreign_secrets": 1, "history_builds": builds, "history_max": most, "declared": most}

test_foreign_secret_alerts if {
	a := rule.alert with input as {"event": ev, "context": {"build": build(true, 4, 10, 3)}}
	a.subject == "space:acme/chat"
	contains(a.reason, "space:acme/billing")
}

test_more_than_ever_alerts if {
	a := rule.alert with input as {"event": ev, "context": {"build": build(false, 9, 10, 3)}}
	contains(a.reason, "9 distinct secrets")
}

test_one_new_secret_is_fine if {
	not rule.alert with input as {"event": ev, "context": {"build": build(false, 4, 10, 3)}}
}

test_young_space_is_fine if {
	not rule.alert with input as {"event": ev, "context": {"build": build(false, 9, 1, 3)}}
}

test_runtime_read_is_fine if {
	not rule.alert with input as {"event": ev, "context": {}}
}
