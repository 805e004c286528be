package policy_test

import (
	"github.com/credwatch/credwatch/detect"
	"github.com/credwatch/credwatch/respond/policy"
)

type decisionCase struct {
	name           string
	in             policy.Input
	action, reason string
}

// decisionCases are alerts shaped like detect's for each rule, with the
// credential the inventory would return and the expected decision.
func decisionCases() []decisionCase {
	leak := map[string]any{"leak_report": map[string]any{"event_id": "evt_leak", "minutes_ago": 42.0}, "asn": 14061.0}
	leaked := alert("leaked_token_used", "critical", "revoke", "acme", "tok_leak", leak)
	spaceTok := token("tok_space", "fine_grained", "acme", "repo.content.read", "inference.serverless.write")
	spaceTok.Workload = "space/acme/chat"
	offPlatform := alert("workload_token_off_platform", "critical", "revoke", "acme", "tok_space",
		map[string]any{"workload": "space/acme/chat", "asn": 16509.0, "ip": "203.0.113.9"})
	cross := alert("cross_tenant_private", "high", "revoke", "victim", "tok_x",
		map[string]any{"credential_tenant": "attacker", "resource_tenant": "victim", "actor_tenants": []any{"attacker"}})
	capped := inputFor(newAlert(leaked), token("tok_leak", "read", "acme", "read"))
	capped.Counts.Tenant = 5
	global := inputFor(newAlert(offPlatform), spaceTok)
	global.Counts.Global = 51
	return []decisionCase{
		{"leaked token", inputFor(newAlert(leaked), token("tok_leak", "read", "acme", "read")), policy.ActionAuto, "reported leaked; revoking now"},
		{"space token off platform", inputFor(newAlert(offPlatform), spaceTok), policy.ActionAuto, "off its platform"},
		{"cross tenant write token", inputFor(newAlert(cross), token("tok_x", "write", "attacker", "read", "write")), policy.ActionAuto, "write token"},
		{"cross tenant read token", inputFor(newAlert(cross), token("tok_x", "read", "attacker", "read")), policy.ActionApprove, "an analyst decides"},
		{"cross tenant secret", inputFor(newAlert(cross), policy.Credential{ID: "sec_1", Kind: "secret", Tenant: "attacker", Known: true}), policy.ActionApprove, "no automatic trigger"},
		{"allow-listed leaked token", inputFor(newAlert(alert("leaked_token_used", "critical", "revoke", "acme", "tok_ci_deploy", leak)),
			token("tok_ci_deploy", "write", "acme", "read", "write")), policy.ActionApprove, "credential tok_ci_deploy is allow-listed"},
		{"allow-listed tenant", inputFor(newAlert(alert("leaked_token_used", "critical", "revoke", "platform-internal", "tok_p", leak)),
			token("tok_p", "write", "platform-internal")), policy.ActionApprove, "tenant platform-internal is allow-listed"},
		{"tenant cap reached", capped, policy.ActionApprove, "tenant acme reached its cap of 5 revocations per 10m"},
		{"global cap exceeded", global, policy.ActionApprove, "global cap of 50"},
		{"enumeration", inputFor(newAlert(alert("enumeration", "high", "revoke", "acme", "tok_e", map[string]any{"threshold": 20.0})),
			token("tok_e", "write", "acme", "read", "write")), policy.ActionApprove, "enumeration: high-severity revoke-tier"},
		{"impossible travel while learning", inputFor(newAlert(alert("impossible_travel", "low", "revoke", "acme", "tok_t", nil)),
			token("tok_t", "oauth", "acme", "openid")), policy.ActionApprove, "low-severity"},
		{"impossible travel escalated", inputFor(escalated(alert("impossible_travel", "high", "revoke", "acme", "tok_t", nil)),
			token("tok_t", "oauth", "acme", "openid")), policy.ActionApprove, "impossible_travel (escalated to high)"},
		{"build overread", inputFor(newAlert(alert("build_overread", "high", "revoke", "acme", "space/acme/chat", nil)),
			policy.Credential{ID: "space/acme/chat"}), policy.ActionApprove, "build_overread"},
		{"dormant token", inputFor(newAlert(alert("dormant_token_use", "medium", "notify", "acme", "tok_d", nil)),
			token("tok_d", "write", "acme", "write")), policy.ActionNotify, "webhook only"},
		{"first seen asn", inputFor(newAlert(alert("first_seen_asn", "low", "notify", "acme", "tok_f", nil)),
			token("tok_f", "read", "acme", "read")), policy.ActionNotify, "first_seen_asn: low-severity notify-tier"},
		{"legacy org token", inputFor(newAlert(alert("org_legacy_token_use", "low", "notify", "acme", "tok_l", map[string]any{"kind": "org_legacy"})),
			token("tok_l", "org_legacy", "acme", "read", "write", "admin")), policy.ActionNotify, "org_legacy_token_use"},
		{"info severity", inputFor(newAlert(alert("first_seen_asn", "info", "notify", "acme", "tok_f", nil)),
			token("tok_f", "read", "acme")), policy.ActionNone, "informational"},
		{"unknown tier", inputFor(newAlert(alert("shadow_candidate", "high", "page", "acme", "tok_s", nil)),
			token("tok_s", "read", "acme")), policy.ActionNone, `tier "page" has no response`},
		{"evidence update", inputFor(detect.Update{Kind: detect.UpdateEvidence, Alert: leaked}, token("tok_leak", "read", "acme")),
			policy.ActionNone, "already answered"},
	}
}
