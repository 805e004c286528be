package credwatch.rules.foreign_secret_runtime_read_test

import data.credwatch.rules.foreign_secret_runtime_read as rule

ev := {
	"action": "secret.read", "outcome": "success", "tenant": "acme",
	"actor": {"id": "space:acme/chat", "type": "space"},
	"token": {"id": "tok1", "workload": "space:acme/chat"},
	"secret": {"id": "sec_9", "tenant": "acme", "workload": "space:acme/billing"},
	"source": {"asn": 14618, "internal": true},
	"workload": {"id": "space:acme/chat", "phase": "runtime", "build_id": "bld_7"},
}

test_runtime_read_of_another_workloads_secret_alerts if {
	a := rule.alert with input as {"event": ev, "context": {}}
	a.facts.reader == "space:acme/chat"
	a.facts.owner == "space:acme/billing"
	a.facts.secret == "sec_9"
	contains(a.reason, "space:acme/chat read sec_9, a secret of space:acme/billing")
}

test_read_with_no_phase_or_a_user_actor_alerts if {
	nophase := object.union(object.remove(ev, ["workload"]), {"workload": {"id": "space:globex/bot"}})
	rule.alert with input as {"event": nophase, "context": {}}
	user := object.union(ev, {"actor": {"id": "alice", "type": "user"}, "token": {"id": "tok_alice"}})
	a := rule.alert with input as {"event": user, "context": {}}
	contains(a.reason, "(as alice)")
}

test_own_secret_is_fine_whatever_the_case if {
	own := object.union(ev, {"secret": {"workload": "space:acme/chat"}})
	not rule.alert with input as {"event": own, "context": {}}
	cased := object.union(ev, {"secret": {"workload": "SPACE:Acme/Chat"}})
	not rule.alert with input as {"event": cased, "context": {}}
}

test_org_secret_or_no_workload_is_not_this_rule if {
	org := object.union(object.remove(ev, ["secret"]), {"secret": {"id": "sec_org", "tenant": "acme"}})
	not rule.alert with input as {"event": org, "context": {}}
	console := object.remove(ev, ["workload"])
	not rule.alert with input as {"event": console, "context": {}}
}

test_builds_are_build_overreads if {
	build := object.union(ev, {"workload": {"phase": "build"}})
	not rule.alert with input as {"event": build, "context": {}}
	unnamed := object.union(object.remove(ev, ["workload"]), {"workload": {"id": "space:acme/chat", "phase": "build"}})
	rule.alert with input as {"event": unnamed, "context": {}}
}

test_refused_reads_are_fine if {
	every outcome in ["denied", "failure", "unknown"] {
		not rule.alert with input as {"event": object.union(ev, {"outcome": outcome}), "context": {}}
	}
}
