package credwatch.rules.foreign_workload_token_use_test

import data.credwatch.rules.foreign_workload_token_use as rule

# A service token of northwind, from a Space of shadowfax.
lifted := {
	"action": "token.use", "outcome": "success", "tenant": "northwind",
	"actor": {"id": "nw-deploy", "type": "service", "tenants": ["northwind"]},
	"token": {"id": "t1", "tenant": "northwind", "owner": "nw-deploy"},
	"workload": {"id": "space:shadowfax/cool-demo", "phase": "runtime"}, "source": {"asn": 14618},
}

test_a_token_in_another_tenants_space_alerts if {
	a := rule.alert with input as {"event": lifted}
	a.facts.workload_tenant == "shadowfax"
	a.facts.credential_tenant == "northwind"
}

test_a_user_token_and_a_secret_alert_too if {
	user := object.union(lifted, {"actor": {"id": "alice", "type": "user", "tenants": ["northwind", "acme"]},
		"token": {"id": "t2", "tenant": "northwind", "owner": "alice"}})
	rule.alert with input as {"event": user}
	secret := object.union(object.remove(lifted, ["token"]), {"action": "secret.read", "secret": {"id": "s1", "tenant": "Northwind"}})
	rule.alert with input as {"event": secret}
}

test_a_members_own_spaces_are_fine if {
	member := object.union(lifted, {"actor": {"id": "nw-deploy", "tenants": ["northwind", "ShadowFax"]}})
	not rule.alert with input as {"event": member}
	personal := object.union(lifted, {"actor": {"id": "alice", "tenants": ["northwind"]},
		"token": {"id": "t2", "tenant": "northwind", "owner": "alice"}, "workload": {"id": "space:Alice/demo"}})
	not rule.alert with input as {"event": personal}
	own := object.union(lifted, {"workload": {"id": "space:northwind/chat"}})
	not rule.alert with input as {"event": own}
}

test_bound_tokens_refusals_and_other_ids_are_not_this if {
	not rule.alert with input as {"event": object.union(lifted, {"token": {"id": "t1", "tenant": "northwind", "workload": "space:northwind/chat"}})}
	not rule.alert with input as {"event": object.union(lifted, {"outcome": "denied"})}
	not rule.alert with input as {"event": object.union(lifted, {"workload": {"id": "ci-runner-42"}})}
	not rule.alert with input as {"event": object.union(lifted, {"workload": {"id": "space:shadowfax"}})}
	not rule.alert with input as {"event": object.remove(lifted, ["workload"])}
}
