# METADATA
# title: Default response policy
# description: >-
#   Maps each published alert to exactly one action: auto (revoke the
#   credential now), approve (hold the revocation for an analyst), notify
#   (webhook only) or none. It revokes at once only what the 2024 Spaces
#   secrets leak showed to be unambiguous: a token used after it was reported
#   leaked, a workload-bound token used off its platform, and a credential
#   with write access used across tenants by someone outside the victim
#   tenant. An allow-listed credential or tenant, or a revocation cap reached
#   in the window, turns auto into approve. Other revoke-tier alerts wait for
#   an analyst, notify-tier alerts only notify, informational alerts and
#   evidence-only updates do nothing. A cap of 0 (or none) means no cap.
# custom:
#   id: default
#   version: 1
#   actions: [auto, approve, notify, none]
#   auto_rules: [leaked_token_used, workload_token_off_platform]
#   cross_tenant_rules: [cross_tenant_private, space_duplicate_probe]
#   write_markers: [write, admin, manage]
#   write_kinds: [write, org_legacy]
package credwatch.response

# decision is always exactly one object: the else chain is ordered (first
# match wins) and its last branch always holds; the default only covers an
# input too malformed for even that.
default decision := {"action": "none", "reason": "input has no alert; nothing to do"}

decision := answer("none", sprintf("%s: one more event on an alert already answered; nothing new to do", [rule_id])) if {
	input.alert.update == "evidence"
} else := answer("none", sprintf("%s is informational; recorded only", [subject])) if {
	severity == "info"
} else := answer("approve", sprintf("%s: %s, but %s; an analyst decides", [subject, auto_reason, hold_reason])) if {
	auto_reason
	hold_reason
} else := answer("auto", sprintf("%s: %s; revoking now", [subject, auto_reason])) if {
	auto_reason
} else := answer("approve", sprintf("%s: %s-severity revoke-tier alert with no automatic trigger; an analyst decides", [subject, severity])) if {
	tier == "revoke"
} else := answer("notify", sprintf("%s: %s-severity notify-tier alert; webhook only", [subject, severity])) if {
	tier == "notify"
} else := answer("none", sprintf("%s: tier %q has no response; recorded only", [subject, tier])) if {
	input.alert
}

answer(action, reason) := {"action": action, "reason": reason}

# rule_id, severity and tier are the alert's (a rule may raise or lower its
# own severity per alert), falling back to the rule's.
default rule_id := "unknown rule"

rule_id := input.alert.rule if input.alert.rule != ""

else := input.rule.id if input.rule.id != ""

default severity := "unknown"

severity := input.alert.severity if input.alert.severity != ""

else := input.rule.severity if input.rule.severity != ""

default tier := ""

tier := input.alert.tier if input.alert.tier != ""

else := input.rule.tier if input.rule.tier != ""

# subject names the rule, and the escalation when there was one.
subject := sprintf("%s (escalated to %s)", [rule_id, severity]) if {
	input.alert.update == "escalated"
} else := rule_id
