package credwatch.rules.cross_tenant_private_test

import data.credwatch.rules.cross_tenant_private

base := {
	"action": "token.use", "outcome": "success", "tenant": "victim",
	"actor": {"id": "mallory", "tenants": ["attacker"]},
	"token": {"id": "tok1", "tenant": "attacker"},
	"resource": {"type": "model", "id": "victim/secret-model", "visibility": "private"},
}

test_cross_tenant_private_use_alerts if {
	a := cross_tenant_private.alert with input as {"event": base, "context": {}}
	a.facts.credential_tenant == "attacker"
	a.facts.resource_tenant == "victim"
}

test_member_of_resource_tenant_is_fine if {
	ev := object.union(base, {"actor": {"id": "alice", "tenants": ["attacker", "victim"]}})
	not cross_tenant_private.alert with input as {"event": ev, "context": {}}
}

test_public_resource_is_fine if {
	ev := object.union(base, {"resource": {"type": "model", "id": "victim/m", "visibility": "public"}})
	not cross_tenant_private.alert with input as {"event": ev, "context": {}}
}

test_same_tenant_is_fine if {
	ev := object.union(base, {"token": {"id": "tok1", "tenant": "victim"}})
	not cross_tenant_private.alert with input as {"event": ev, "context": {}}
}

test_denied_attempt_is_not_this_rule if {
	ev := object.union(base, {"outcome": "denied"})
	not cross_tenant_private.alert with input as {"event": ev, "context": {}}
}

test_secret_owner_tenant_counts if {
	ev := object.union(object.remove(base, ["token"]), {"action": "secret.read", "secret": {"id": "s1", "tenant": "attacker"}})
	a := cross_tenant_private.alert with input as {"event": ev, "context": {}}
	startswith(a.reason, "secret of tenant attacker")
}
