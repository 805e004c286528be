package credwatch.rules.workload_token_off_platform_test

import data.credwatch.rules.workload_token_off_platform as rule

ev := {
	"action": "token.use", "outcome": "success", "tenant": "acme",
	"actor": {"id": "space:acme/chat"},
	"token": {"id": "tok1", "workload": "space:acme/chat"},
	"source": {"ip": "185.1.2.3", "asn": 9009, "as_org": "M247", "country": "RO"},
}

test_off_platform_use_alerts if {
	a := rule.alert with input as {"event": ev, "context": {}}
	a.facts.asn == 9009
	contains(a.reason, "space:acme/chat")
}

test_internal_use_is_fine if {
	inside := object.union(ev, {"source": {"asn": 14618, "internal": true}})
	not rule.alert with input as {"event": inside, "context": {}}
}

test_unbound_token_is_not_this_rule if {
	free := object.union(object.remove(ev, ["token"]), {"token": {"id": "tok2"}})
	not rule.alert with input as {"event": free, "context": {}}
}

test_use_on_the_platform_by_another_workload_alerts if {
	other := object.union(ev, {"source": {"asn": 14618, "internal": true}, "workload": {"id": "space:evil/harvest", "phase": "runtime"}})
	a := rule.alert with input as {"event": other, "context": {}}
	a.facts.used_by == "space:evil/harvest"
	contains(a.reason, "space:acme/chat")
}

test_use_on_the_platform_by_its_own_workload_is_fine if {
	own := object.union(ev, {"source": {"asn": 14618, "internal": true}, "workload": {"id": "space:acme/chat", "phase": "runtime"}})
	not rule.alert with input as {"event": own, "context": {}}
	build := object.union(own, {"workload": {"id": "space:acme/chat", "phase": "build", "build_id": "bld_1"}})
	not rule.alert with input as {"event": build, "context": {}}
	cased := object.union(own, {"workload": {"id": "space:Acme/Chat"}})
	not rule.alert with input as {"event": cased, "context": {}}
}

test_use_on_the_platform_by_an_unnamed_workload_is_fine if {
	unnamed := object.union(ev, {"source": {"asn": 14618, "internal": true}, "workload": {"phase": "runtime"}})
	not rule.alert with input as {"event": unnamed, "context": {}}
}

test_refused_use_by_another_workload_is_fine if {
	other := object.union(ev, {"outcome": "denied", "source": {"internal": true}, "workload": {"id": "space:evil/harvest"}})
	not rule.alert with input as {"event": other, "context": {}}
}
