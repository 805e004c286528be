package credwatch.rules.token_replayed_elsewhere_test

import data.credwatch.rules.token_replayed_elsewhere

replayed := {
	"event": {"outcome": "success", "source": {"ip": "185.220.101.4", "asn": 4287974504, "as_org": "IP network 185.220.0.0/16"}},
	"context": {
		"issued": {"ip": "198.51.100.23", "network": "198.51.0.0/16", "elsewhere": true},
		"actor": {"known_asn": false, "known_asns": 2},
	},
}

test_replayed_from_a_new_network if {
	a := token_replayed_elsewhere.alert with input as replayed
	contains(a.reason, "issued to 198.51.100.23")
}

test_same_network_is_quiet if {
	not token_replayed_elsewhere.alert with input as json.patch(replayed, [{"op": "replace", "path": "/context/issued/elsewhere", "value": false}])
}

test_actor_network_is_quiet if {
	not token_replayed_elsewhere.alert with input as json.patch(replayed, [{"op": "replace", "path": "/context/actor/known_asn", "value": true}])
}

test_roaming_actor_is_quiet if {
	not token_replayed_elsewhere.alert with input as json.patch(replayed, [{"op": "replace", "path": "/context/actor/known_asns", "value": 12}])
}

test_failure_is_quiet if {
	not token_replayed_elsewhere.alert with input as json.patch(replayed, [{"op": "replace", "path": "/event/outcome", "value": "denied"}])
}

test_internal_is_quiet if {
	not token_replayed_elsewhere.alert with input as json.patch(replayed, [{"op": "add", "path": "/event/source/internal", "value": true}])
}

test_no_issue_address_is_quiet if {
	not token_replayed_elsewhere.alert with input as object.remove(replayed, ["context"])
}
