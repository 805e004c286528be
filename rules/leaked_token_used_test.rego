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

report := {"action": "token.leak_reported", "outcome": "unknown", "tenant": "acme",
	"actor": {"id": "scanner-webhook", "type": "service"}, "token": {"id": "t"}}

prior := {"minutes_after_leak": 60, "last_use": "2026-10-11T10:00:00Z", "asn": 9009, "asns": [9009, 14061], "countries": ["NL"]}

test_report_arriving_after_uses_since_the_leak_alerts_on_the_report if {
	a := rule.alert with input as {"event": report, "context": {"sequence": {"used_before_report": prior}}}
	a.facts.used_before_report.asns == [9009, 14061]
	a.facts.asn == 9009
	contains(a.reason, "60 min after the leak")
	contains(a.reason, "AS9009, AS14061")
}

test_report_after_a_use_in_the_leaks_minute_alerts if {
	at_once := object.remove(object.union(prior, {"minutes_after_leak": 0}), ["asn", "asns", "countries"])
	a := rule.alert with input as {"event": report, "context": {"sequence": {"used_before_report": at_once}}}
	contains(a.reason, "a network it has no profile of")
	a.facts.asn == 0
}

test_second_report_with_nothing_new_is_quiet if {
	ctx := {"sequence": {"leak_reported": {"event_id": "leak1", "minutes_ago": 42}}}
	not rule.alert with input as {"event": report, "context": ctx}
}

test_second_report_with_uses_before_it_is_one_alert if {
	ctx := {"sequence": {"leak_reported": {"event_id": "leak1", "minutes_ago": 42}, "used_before_report": prior}}
	a := rule.alert with input as {"event": report, "context": ctx}
	a.facts.used_before_report.minutes_after_leak == 60
}

test_uses_before_a_report_are_the_reports_alone if {
	not rule.alert with input as {"event": ev, "context": {"sequence": {"used_before_report": prior}}}
}
