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

widening := {"id": "u1", "action": "token.update_scopes", "outcome": "success", "tenant": "acme",
	"actor": {"id": "alice"}, "token": {"id": "t", "scopes": ["repo.content.read", "repo.write"]},
	"source": {"asn": 9009, "as_org": "M247"}}

widening_ctx := {"scopes": {"previous": ["repo.content.read"], "added": ["repo.write"]},
	"actor": {"known_asn": false, "learning": false}}

test_the_widening_itself_from_a_new_network_alerts if {
	a := rule.alert with input as {"event": widening, "context": widening_ctx}
	a.facts.privileged == ["repo.write"]
	a.facts.scopes_event == "u1"
}

test_the_widening_from_the_owners_network_is_fine if {
	ctx := object.union(widening_ctx, {"actor": {"known_asn": true}})
	not rule.alert with input as {"event": widening, "context": ctx}
}

test_a_read_only_widening_is_fine if {
	ctx := object.union(widening_ctx, {"scopes": {"added": ["discussion.read"]}})
	not rule.alert with input as {"event": widening, "context": ctx}
}

test_a_refused_widening_is_fine if {
	not rule.alert with input as {"event": object.union(widening, {"outcome": "failure"}), "context": widening_ctx}
}

test_a_new_owners_widening_is_fine if {
	ctx := object.union(widening_ctx, {"actor": {"learning": true}})
	not rule.alert with input as {"event": widening, "context": ctx}
}

test_a_widening_to_secrets_counts if {
	every scope in ["spaces.secrets.read", "Secrets:Read", "actions_secrets.write"] {
		ctx := {"sequence": {"scopes_added": {"event_id": "u1", "minutes_ago": 5, "scopes": [scope]}}, "first_seen": {"asn": true}, "actor": {"known_asn": false}}
		a := rule.alert with input as {"event": ev, "context": ctx}
		a.facts.privileged == [scope]
	}
}
