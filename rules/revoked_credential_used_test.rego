package credwatch.rules.revoked_credential_used_test

import data.credwatch.rules.revoked_credential_used as rule

ev := {
	"action": "token.use", "outcome": "success", "tenant": "acme",
	"actor": {"id": "alice"}, "token": {"id": "tok1"},
	"source": {"asn": 14061, "country": "NL"},
}

revoked(minutes) := {"sequence": {"credential_revoked": {"event_id": "rev1", "minutes_ago": minutes, "subject": "tok1"}}}

test_success_long_after_the_revocation_is_critical if {
	a := rule.alert with input as {"event": ev, "context": revoked(42)}
	a.severity == "critical"
	a.facts.revoked.event_id == "rev1"
	a.facts.asn == 14061
	contains(a.reason, "42 min after it was revoked, from AS14061")
}

test_success_within_the_grace_is_high if {
	a := rule.alert with input as {"event": ev, "context": revoked(0.5)}
	a.severity == "high"
	contains(a.reason, "propagating")
	b := rule.alert with input as {"event": ev, "context": revoked(1)}
	b.severity == "high"
}

test_refused_presentations_are_low if {
	every outcome in ["denied", "failure", "unknown"] {
		a := rule.alert with input as {"event": object.union(ev, {"outcome": outcome}), "context": revoked(60 * 24)}
		a.severity == "low"
		a.facts.outcome == outcome
	}
}

test_secret_reads_and_missing_asn if {
	read := object.union(object.remove(ev, ["source"]), {"action": "secret.read", "secret": {"id": "s1"}})
	a := rule.alert with input as {"event": read, "context": revoked(90)}
	a.facts.asn == 0
}

test_never_revoked_is_fine if {
	not rule.alert with input as {"event": ev, "context": {"sequence": {}}}
	not rule.alert with input as {"event": ev, "context": {"sequence": {"revoked": {"event_id": "other", "minutes_ago": 3}}}}
}
