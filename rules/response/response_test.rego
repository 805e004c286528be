package credwatch.response_test

import data.credwatch.response

# given builds an input for rule id (of severity sev and tier) whose alert and
# credential fields are overridden by alert and cred.
given(id, sev, tier, alert, cred) := {
	"alert": object.union(
		{
			"id": "alr_1", "rule": id, "severity": sev, "tier": tier, "tenant": "victim",
			"credential": "tok_1", "actor": "mallory", "reason": "r", "count": 1, "update": "new", "facts": {},
		},
		alert,
	),
	"rule": {"id": id, "title": id, "severity": sev, "tier": tier},
	"credential": object.union(
		{
			"id": "tok_1", "kind": "fine_grained", "scopes": ["repo.content.read"],
			"tenant": "attacker", "owner": "mallory", "workload": "", "known": true,
		},
		cred,
	),
	"allow_list": {"credentials": [], "tenants": []},
	"counts": {"tenant": 0, "global": 0, "tenant_cap": 5, "global_cap": 50, "window": "10m"},
}

decide(x) := d if {
	d := response.decision with input as x
}

action(x) := decide(x).action

leaked := given("leaked_token_used", "critical", "revoke", {}, {})

off_platform := given("workload_token_off_platform", "critical", "revoke", {}, {"workload": "space/acme/chat"})

cross(scopes) := given(
	"cross_tenant_private", "high", "revoke",
	{"facts": {"credential_tenant": "attacker", "resource_tenant": "victim"}}, {"scopes": scopes},
)

test_leaked_token_is_revoked_now if {
	d := decide(leaked)
	d.action == "auto"
	startswith(d.reason, "leaked_token_used: token used after it was reported leaked")
}

test_leak_reported_after_uses_is_revoked_now if {
	prior := {"minutes_after_leak": 60, "last_use": "2026-10-11T10:00:00Z", "asn": 9009, "asns": [9009]}
	d := decide(given("leaked_token_used", "critical", "revoke", {"facts": {"used_before_report": prior, "asn": 9009}}, {}))
	d.action == "auto"
	startswith(d.reason, "leaked_token_used: token reported leaked after it had been used since the leak")
}

test_leaked_read_only_token_is_still_revoked if {
	action(given("leaked_token_used", "critical", "revoke", {}, {"kind": "read", "scopes": ["read"]})) == "auto"
}

test_leaked_unknown_credential_is_still_revoked if {
	action(given("leaked_token_used", "critical", "revoke", {}, {"known": false, "kind": "", "scopes": []})) == "auto"
}

test_workload_token_off_platform_is_revoked_now if {
	d := decide(off_platform)
	d.action == "auto"
	contains(d.reason, "workload-bound token used off its platform")
}

test_cross_tenant_with_write_scope_is_revoked if {
	d := decide(cross(["repo.content.read", "inference.serverless.write"]))
	d.action == "auto"
	contains(d.reason, "inference.serverless.write")
	contains(d.reason, "tenant attacker")
}

test_cross_tenant_admin_and_manage_scopes_are_write if {
	action(cross(["org.admin"])) == "auto"
	action(cross(["billing.manage"])) == "auto"
	action(cross(["openid", "write-repos"])) == "auto"
}

test_cross_tenant_write_kinds_are_write if {
	action(given("cross_tenant_private", "high", "revoke", {}, {"kind": "write", "scopes": ["read", "write"]})) == "auto"
	d := decide(given("cross_tenant_private", "high", "revoke", {}, {"kind": "org_legacy", "scopes": null}))
	d.action == "auto"
	contains(d.reason, "org_legacy token")
}

test_cross_tenant_read_only_waits_for_analyst if {
	d := decide(cross(["repo.content.read", "org.read"]))
	d.action == "approve"
	contains(d.reason, "no automatic trigger")
}

test_cross_tenant_unknown_credential_waits_for_analyst if {
	action(given("cross_tenant_private", "high", "revoke", {}, {"known": false, "kind": "", "scopes": null})) == "approve"
}

test_space_duplicate_probe_is_cross_tenant if {
	write := given("space_duplicate_probe", "high", "revoke", {"credential": "actor:mallory"}, {"kind": "write"})
	action(write) == "auto"
	unknown := given("space_duplicate_probe", "high", "revoke", {"credential": "actor:mallory"}, {"known": false, "kind": "", "scopes": null})
	action(unknown) == "approve"
}

test_facts_make_another_rule_cross_tenant if {
	x := given("custom_rule", "high", "revoke", {"facts": {"credential_tenant": "a", "resource_tenant": "b"}}, {"kind": "write"})
	action(x) == "auto"
	same := given("custom_rule", "high", "revoke", {"facts": {"credential_tenant": "a", "resource_tenant": "a"}}, {"kind": "write"})
	action(same) == "approve"
}

test_token_of_other_tenant_alone_is_not_cross_tenant if {
	# a user in two orgs uses one org's token on the other: not evidence of theft
	action(given("impossible_travel", "high", "revoke", {"tenant": "b"}, {"tenant": "a", "kind": "write"})) == "approve"
}
