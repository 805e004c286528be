package credwatch.rules.space_duplicate_probe_test

import data.credwatch.rules.space_duplicate_probe as rule

ev := {"action": "secret.read", "outcome": "denied", "tenant": "victim", "actor": {"id": "mallory", "tenants": ["evil"]},
	"secret": {"id": "s1", "tenant": "victim"}}

dup := {"event_id": "d1", "minutes_ago": 6, "subject": "victim/chat"}

test_outsider_probing_after_duplicate_alerts if {
	a := rule.alert with input as {"event": ev, "context": {"sequence": {"duplicated": dup}}}
	a.subject == "actor:mallory"
	contains(a.reason, "victim/chat")
}

test_member_reading_own_secrets_is_fine if {
	member := object.union(ev, {"actor": {"id": "alice", "tenants": ["victim"]}})
	not rule.alert with input as {"event": member, "context": {"sequence": {"duplicated": dup}}}
}

test_no_duplicate_is_fine if {
	not rule.alert with input as {"event": ev, "context": {"sequence": {}}}
}

test_tenant_names_differing_in_case_are_one_tenant if {
	cased := object.union(ev, {"tenant": "Victim", "actor": {"id": "alice", "tenants": ["VICTIM"]}})
	not rule.alert with input as {"event": cased, "context": {"sequence": {"duplicated": dup}}}
	mixed := object.union(ev, {"actor": {"id": "bob", "tenants": ["evil", "vIcTiM"]}})
	not rule.alert with input as {"event": mixed, "context": {"sequence": {"duplicated": dup}}}
	outsider := object.union(ev, {"tenant": "VICTIM"})
	a := rule.alert with input as {"event": outsider, "context": {"sequence": {"duplicated": dup}}}
	a.facts.tenant == "VICTIM"
}

test_actor_without_tenants_is_an_outsider if {
	nobody := object.union(object.remove(ev, ["actor"]), {"actor": {"id": "mallory"}})
	a := rule.alert with input as {"event": nobody, "context": {"sequence": {"duplicated": dup}}}
	a.subject == "actor:mallory"
}
