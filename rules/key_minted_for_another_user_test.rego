package credwatch.rules.key_minted_for_another_user_test

import data.credwatch.rules.key_minted_for_another_user as rule

alice := "arn:aws:iam::123456789012:user/alice"

backup := "arn:aws:iam::123456789012:user/backup-svc"

mint(actor, owner) := {
	"action": "token.create", "outcome": "success", "tenant": "123456789012",
	"actor": {"id": actor}, "token": {"id": "AKIAEXAMPLEKEY000001", "owner": owner},
	"source": {"asn": 14061, "as_org": "DigitalOcean", "ip": "45.9.148.108"},
}

stranger := {"actor": {"known_asn": false, "known_asns": 3}, "tenant": {"known_asn": false}}

home := {"actor": {"known_asn": true, "known_asns": 3, "asn_hours": 480}, "tenant": {"known_asn": true}}

# hours_ago: the caller's first call from this network came that long before.
hours_ago(h) := {"actor": {"known_asn": true, "known_asns": 4, "asn_hours": h}, "tenant": {"known_asn": true}}

test_key_for_another_user_from_a_new_network_alerts if {
	a := rule.alert with input as {"event": mint(alice, backup), "context": stranger}
	a.subject == sprintf("actor:%s", [alice])
	a.facts["for"] == backup
	contains(a.reason, "AS14061")
}

test_a_role_session_minting_a_user_key_alerts if {
	rule.alert with input as {"event": mint("arn:aws:sts::123456789012:assumed-role/ci/gh-run-1", backup), "context": stranger}
}

test_rotation_from_the_usual_network_is_quiet if {
	not rule.alert with input as {"event": mint(alice, backup), "context": home}
}

test_a_network_the_caller_got_minutes_ago_alerts if {
	rule.alert with input as {"event": mint(alice, backup), "context": hours_ago(0)}
	rule.alert with input as {"event": mint(alice, backup), "context": hours_ago(23)}
	not rule.alert with input as {"event": mint(alice, backup), "context": hours_ago(24)}
}

test_a_key_for_oneself_is_quiet if {
	not rule.alert with input as {"event": mint(alice, alice), "context": stranger}
	not rule.alert with input as {"event": mint("arn:aws:iam::123456789012:user/ops/alice", alice), "context": stranger}
}

test_a_session_is_not_a_user_key if {
	not rule.alert with input as {"event": mint(alice, "arn:aws:iam::123456789012:role/admin"), "context": stranger}
}

test_internal_or_failed_is_quiet if {
	e := mint(alice, backup)
	not rule.alert with input as {"event": object.union(e, {"source": {"asn": 0, "internal": true}}), "context": stranger}
	not rule.alert with input as {"event": object.union(e, {"outcome": "failure"}), "context": stranger}
}

test_a_new_principal_is_judged_by_its_tenant if {
	e := mint("arn:aws:sts::123456789012:assumed-role/ci/new", backup)
	not rule.alert with input as {"event": e, "context": {"actor": {"learning": true, "known_asn": false}, "tenant": {"known_asn": true}}}
	rule.alert with input as {"event": e, "context": {"actor": {"learning": true, "known_asn": false}, "tenant": {"known_asn": false}}}
}
