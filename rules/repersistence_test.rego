package credwatch.rules.repersistence_test

import data.credwatch.rules.repersistence as rule

ev := {"action": "webhook.create", "outcome": "success", "tenant": "acme", "actor": {"id": "alice"},
	"source": {"asn": 14061, "as_org": "DigitalOcean"}}

revoked := {"event_id": "r1", "minutes_ago": 20, "subject": "tok_old"}

test_revoke_then_webhook_from_unknown_network_alerts if {
	a := rule.alert with input as {"event": ev, "context": {"sequence": {"revoked": revoked}, "actor": {"known_asn": false}}}
	a.subject == "actor:alice"
	contains(a.reason, "tok_old")
}

test_rotation_from_home_is_fine if {
	not rule.alert with input as {"event": ev, "context": {"sequence": {"revoked": revoked}, "actor": {"known_asn": true, "asn_hours": 400}}}
}

test_a_network_first_used_minutes_ago_alerts if {
	rule.alert with input as {"event": ev, "context": {"sequence": {"revoked": revoked}, "actor": {"known_asn": true, "asn_hours": 0}}}
	rule.alert with input as {"event": ev, "context": {"sequence": {"revoked": revoked}, "actor": {"known_asn": true, "asn_hours": 23}}}
}

test_no_revocation_is_fine if {
	not rule.alert with input as {"event": ev, "context": {"sequence": {}, "actor": {"known_asn": false}}}
}

test_rotation_on_the_road_is_fine if {
	road := {"event_id": "r1", "minutes_ago": 263.9, "subject": "tok_old", "asn": 14061}
	not rule.alert with input as {"event": ev, "context": {"sequence": {"revoked": road}, "actor": {"known_asn": true, "asn_hours": 11}}}
}

test_a_revocation_from_a_server_first_used_after_it_alerts if {
	from_server := {"event_id": "r1", "minutes_ago": 90, "subject": "tok_old", "asn": 14061}
	rule.alert with input as {"event": ev, "context": {"sequence": {"revoked": from_server}, "actor": {"known_asn": true, "asn_hours": 1}}}
}

test_a_revocation_from_another_network_alerts if {
	from_home := {"event_id": "r1", "minutes_ago": 90, "subject": "tok_old", "asn": 3320}
	rule.alert with input as {"event": ev, "context": {"sequence": {"revoked": from_home}, "actor": {"known_asn": true, "asn_hours": 11}}}
}
