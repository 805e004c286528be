package credwatch.response_test

with_allow(x, creds, tenants) := object.union(x, {"allow_list": {"credentials": creds, "tenants": tenants}})

with_counts(x, tenant, global) := object.union(x, {"counts": {"tenant": tenant, "global": global}})

test_allow_listed_credential_is_held if {
	d := decide(with_allow(leaked, ["tok_1"], []))
	d.action == "approve"
	contains(d.reason, "credential tok_1 is allow-listed")
	contains(d.reason, "reported leaked")
}

test_allow_listed_credential_by_inventory_id_is_held if {
	x := given("workload_token_off_platform", "critical", "revoke", {"credential": "space/acme/chat"}, {"id": "tok_9"})
	d := decide(with_allow(x, ["tok_9"], []))
	d.action == "approve"
	contains(d.reason, "credential tok_9 is allow-listed")
}

test_allow_listed_alert_tenant_is_held if {
	d := decide(with_allow(cross(["repo.write"]), [], ["victim"]))
	d.action == "approve"
	contains(d.reason, "tenant victim is allow-listed")
}

test_allow_listed_credential_tenant_is_held if {
	d := decide(with_allow(cross(["repo.write"]), [], ["attacker"]))
	d.action == "approve"
	contains(d.reason, "tenant attacker is allow-listed")
}

test_both_tenants_allow_listed_gives_one_decision if {
	d := decide(with_allow(cross(["repo.write"]), [], ["attacker", "victim"]))
	d.action == "approve"
	contains(d.reason, "tenant victim is allow-listed")
}

test_allow_list_of_others_does_not_hold if {
	action(with_allow(leaked, ["tok_2"], ["other"])) == "auto"
}

test_missing_or_null_allow_list_holds_nothing if {
	action(object.remove(leaked, ["allow_list"])) == "auto"
	action(with_allow(leaked, null, null)) == "auto"
}

test_empty_credential_is_never_listed if {
	x := given("leaked_token_used", "critical", "revoke", {"credential": ""}, {"id": ""})
	action(with_allow(x, [""], [])) == "auto"
}

test_allow_list_does_not_touch_non_auto_decisions if {
	action(with_allow(given("dormant_token_use", "medium", "notify", {}, {}), ["tok_1"], ["victim"])) == "notify"
	action(with_allow(given("enumeration", "high", "revoke", {}, {}), ["tok_1"], [])) == "approve"
}

test_tenant_cap_below_at_above if {
	action(with_counts(leaked, 4, 0)) == "auto"
	d := decide(with_counts(leaked, 5, 0))
	d.action == "approve"
	contains(d.reason, "tenant victim reached its cap of 5 revocations per 10m")
	action(with_counts(leaked, 6, 0)) == "approve"
}

test_global_cap_below_at_above if {
	action(with_counts(off_platform, 0, 49)) == "auto"
	d := decide(with_counts(off_platform, 0, 50))
	d.action == "approve"
	contains(d.reason, "global cap of 50 revocations per 10m")
	action(with_counts(off_platform, 0, 51)) == "approve"
}

test_tenant_cap_named_before_global if {
	d := decide(with_counts(leaked, 5, 50))
	contains(d.reason, "tenant victim reached its cap")
}

test_zero_or_missing_cap_means_no_cap if {
	x := object.union(leaked, {"counts": {"tenant": 100, "global": 1000, "tenant_cap": 0, "global_cap": 0}})
	action(x) == "auto"
	action(object.remove(leaked, ["counts"])) == "auto"
}

test_caps_do_not_touch_non_auto_decisions if {
	action(with_counts(given("first_seen_asn", "low", "notify", {}, {}), 9, 99)) == "notify"
}

test_allow_list_named_before_cap if {
	d := decide(with_counts(with_allow(leaked, ["tok_1"], []), 5, 50))
	contains(d.reason, "allow-listed")
}

test_missing_window_is_still_a_sentence if {
	x := object.union(leaked, {"counts": {"tenant": 5, "window": ""}})
	contains(decide(x).reason, "revocations per window")
}
