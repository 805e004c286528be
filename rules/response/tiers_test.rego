package credwatch.response_test

test_other_revoke_tier_rules_wait_for_analyst if {
	every id in ["enumeration", "impossible_travel", "build_overread", "minted_then_used_elsewhere", "repersistence", "scope_escalation"] {
		d := decide(given(id, "high", "revoke", {"tenant": "attacker"}, {"kind": "write"}))
		d.action == "approve"
		startswith(d.reason, id)
	}
}

test_low_severity_revoke_tier_waits_for_analyst if {
	d := decide(given("impossible_travel", "low", "revoke", {}, {}))
	d.action == "approve"
	contains(d.reason, "low-severity")
}

test_notify_tier_notifies if {
	every id in ["dormant_token_use", "first_seen_asn", "org_legacy_token_use"] {
		d := decide(given(id, "low", "notify", {}, {"kind": "org_legacy"}))
		d.action == "notify"
		contains(d.reason, "webhook only")
	}
}

test_notify_tier_medium_severity_notifies if {
	action(given("dormant_token_use", "medium", "notify", {}, {})) == "notify"
}

test_info_severity_does_nothing if {
	d := decide(given("first_seen_asn", "info", "notify", {}, {}))
	d.action == "none"
	contains(d.reason, "informational")
	action(given("enumeration", "info", "revoke", {}, {})) == "none"
	action(given("leaked_token_used", "info", "revoke", {}, {})) == "none"
}

test_unknown_tier_does_nothing if {
	d := decide(given("new_rule", "high", "page", {}, {}))
	d.action == "none"
	contains(d.reason, `tier "page"`)
	action(given("new_rule", "high", "", {}, {})) == "none"
}

test_alert_severity_and_tier_win_over_the_rule if {
	x := given("dormant_token_use", "medium", "notify", {}, {})
	y := json.patch(x, [{"op": "replace", "path": "/rule/tier", "value": "revoke"}])
	action(y) == "notify"
	z := json.patch(x, [{"op": "replace", "path": "/alert/severity", "value": "info"}])
	action(z) == "none"
}

test_rule_fields_fill_in_for_an_empty_alert if {
	x := json.patch(leaked, [
		{"op": "replace", "path": "/alert/rule", "value": ""},
		{"op": "replace", "path": "/alert/tier", "value": ""},
		{"op": "replace", "path": "/alert/severity", "value": ""},
	])
	action(x) == "auto"
}

test_escalation_is_named_and_decided_the_same if {
	d := decide(given("impossible_travel", "high", "revoke", {"update": "escalated"}, {}))
	d.action == "approve"
	startswith(d.reason, "impossible_travel (escalated to high)")
	e := decide(given("leaked_token_used", "critical", "revoke", {"update": "escalated"}, {}))
	e.action == "auto"
	contains(e.reason, "escalated to critical")
}

test_evidence_update_does_nothing if {
	d := decide(given("leaked_token_used", "critical", "revoke", {"update": "evidence"}, {}))
	d.action == "none"
	contains(d.reason, "already answered")
}

test_empty_input_has_a_decision if {
	d := decide({})
	d.action == "none"
	d.reason != ""
}

test_alert_without_rule_or_tier_has_a_decision if {
	d := decide({"alert": {"id": "alr_x"}})
	d.action == "none"
	startswith(d.reason, "unknown rule")
}
