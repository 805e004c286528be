package credwatch.rules.leaked_token_used_test

import data.credwatch.rules.leaked_token_used as rule

ev := {"action": "token.use", "outcome": "denied", "tenant": "acme", "actor": {"id": "alice"},
	"token": {"id": "t"}, "source": {"asn": 14061}}

test_use_after_leak_report_alerts_even_when_denied if {
	ctx := {"sequence": {"leak_reported": {"event_id": "leak1", "minutes_ago": 42}}}
	a := rule.alert with input as {"event": ev, "context": ctx}
	a.facts.leak_report.event_id == "leak1"
	contains(a.reason, "42 min")
}

test_use_without_leak_report_is_fine if {
	not rule.alert with input as {"event": ev, "context": {"sequence": {}}}
}
