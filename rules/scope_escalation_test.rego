package credwatch.rules.scope_escalation_test

import data.credwatch.rules.scope_escalation as rule

ev := {"action": "token.use", "outcome": "success", "tenant": "acme", "actor": {"id": "alice"},
	"token": {"id": "t", "scopes": ["repo.content.read", "repo.write"]}, "source": {"asn": 14061}}

widened := {"event_id": "u1", "minutes_ago": 12, "scopes": ["repo.write", "discussion.read"]}

test_widened_then_used_from_new_network_alerts if {
	a := rule.alert with input as {"event": ev, "context": {"sequence": {"scopes_added": widened}, "first_seen": {"asn": true}, "actor": {"known_asn": false}}}
	a.facts.privileged == ["repo.write"]
}

test_read_only_widening_is_fine if {
	ctx := {"sequence": {"scopes_added": {"event_id": "u1", "minutes_ago": 3, "scopes": ["discussion.read"]}}, "first_seen": {"asn": true}}
	not rule.alert with input as {"event": ev, "context": ctx}
}

test_widened_then_used_from_usual_network_is_fine if {
	not rule.alert with input as {"event": ev, "context": {"sequence": {"scopes_added": widened}, "first_seen": {"asn": false}}}
}

test_widened_then_used_from_the_owners_other_network_is_fine if {
	ctx := {"sequence": {"scopes_added": widened}, "first_seen": {"asn": true}, "actor": {"known_asn": true}}
	not rule.alert with input as {"event": ev, "context": ctx}
}
