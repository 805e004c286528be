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

secret_read := {
	"action": "secret.read", "outcome": "success", "tenant": "victim",
	"actor": {"id": "mallory", "tenants": ["attacker"]}, "token": {"id": "tok1", "tenant": "attacker"},
	"secret": {"id": "s9", "tenant": "victim", "workload": "space:victim/chat"},
}

test_reading_another_tenants_secret_alerts_without_visibility if {
	a := cross_tenant_private.alert with input as {"event": secret_read, "context": {}}
	a.facts.credential_tenant == "attacker"
	contains(a.reason, "private secret of tenant victim")
	typed := object.union(secret_read, {"resource": {"type": "secret", "id": "s9"}})
	b := cross_tenant_private.alert with input as {"event": typed, "context": {}}
	b.facts.resource_tenant == "victim"
}

test_reading_a_secret_of_ones_own_tenant_is_fine if {
	own := object.union(secret_read, {"token": {"id": "tok1", "tenant": "victim"}})
	not cross_tenant_private.alert with input as {"event": own, "context": {}}
	member := object.union(secret_read, {"actor": {"id": "alice", "tenants": ["attacker", "victim"]}})
	not cross_tenant_private.alert with input as {"event": member, "context": {}}
	refused := object.union(secret_read, {"outcome": "denied"})
	not cross_tenant_private.alert with input as {"event": refused, "context": {}}
}

test_a_private_secret_read_is_one_alert if {
	both := object.union(secret_read, {"resource": {"type": "secret", "id": "s9", "visibility": "private"}})
	a := cross_tenant_private.alert with input as {"event": both, "context": {}}
	a.facts.credential_tenant == "attacker"
}

test_listing_a_public_spaces_secrets_is_not_this_rule if {
	list := object.union(secret_read, {"action": "secret.list", "resource": {"type": "space", "id": "victim/chat", "visibility": "public"}})
	not cross_tenant_private.alert with input as {"event": list, "context": {}}
}

test_tenant_names_differing_in_case_are_one_tenant if {
	own := object.union(secret_read, {"token": {"id": "tok1", "tenant": "Victim"}})
	not cross_tenant_private.alert with input as {"event": own, "context": {}}
	member := object.union(secret_read, {"actor": {"id": "alice", "tenants": ["VICTIM"]}})
	not cross_tenant_private.alert with input as {"event": member, "context": {}}
	other := object.union(secret_read, {"token": {"id": "tok1", "tenant": "Attacker"}, "tenant": "Victim"})
	a := cross_tenant_private.alert with input as {"event": other, "context": {}}
	a.facts.credential_tenant == "Attacker"
}

test_established_crossing_is_quiet if {
	ctx := {"crossing": {"days": 24, "history_days": 23, "established": true}}
	not cross_tenant_private.alert with input as {"event": base, "context": ctx}
	secret := object.union(base, {"action": "secret.read", "resource": {"type": "secret"}})
	not cross_tenant_private.alert with input as {"event": secret, "context": ctx}
}

test_new_or_young_crossing_alerts if {
	a := cross_tenant_private.alert with input as {"event": base, "context": {"crossing": {"days": 2, "history_days": 1, "established": false}}}
	a.facts.crossing_days == 2
	b := cross_tenant_private.alert with input as {"event": base, "context": {"crossing": {"days": 0, "history_days": 0, "established": false}}}
	b.facts.crossing_days == 0
}
