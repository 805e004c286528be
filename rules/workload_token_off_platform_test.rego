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
