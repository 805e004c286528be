package credwatch.response

# auto_reason says why the alert warrants revoking at once; undefined when it
# does not. Ordered, so an alert has at most one.
auto_reason := "token reported leaked after it had been used since the leak" if {
	rule_id == "leaked_token_used"
	input.alert.facts.used_before_report
} else := "token used after it was reported leaked" if {
	rule_id == "leaked_token_used"
} else := "workload-bound token used off its platform" if {
	rule_id == "workload_token_off_platform"
} else := sprintf("credential of tenant %s with write access (%s) used on tenant %s", [
	object.get(input.credential, "tenant", "?"), write_access, input.alert.tenant,
]) if {
	cross_tenant
	write_access
}

# cross_tenant_rules only alert when the credential's owner is not a member
# of the tenant it was used on. Other rules count as cross-tenant when their
# facts say so; a token merely used on another tenant (its user may belong to
# both) does not.
cross_tenant_rules := {"cross_tenant_private", "space_duplicate_probe"}

cross_tenant if rule_id in cross_tenant_rules

cross_tenant if {
	input.alert.facts.credential_tenant != ""
	input.alert.facts.resource_tenant != ""
	input.alert.facts.credential_tenant != input.alert.facts.resource_tenant
}

# write_access names what lets the credential change things: its kind (a
# write or legacy org token) or a scope that writes, administers or manages.
write_kinds := {"write", "org_legacy"}

write_access := sprintf("%s token", [input.credential.kind]) if {
	input.credential.kind in write_kinds
} else := concat(", ", write_scopes) if {
	count(write_scopes) > 0
}

write_scopes := [s |
	some s in object.get(input.credential, "scopes", [])
	regex.match(`write|admin|manage`, s)
]

# hold_reason is the guardrail that keeps a revocation for an analyst;
# undefined when none applies. The Go side enforces the same again.
hold_reason := sprintf("credential %s is allow-listed", [listed_credential]) if {
	listed_credential
} else := sprintf("tenant %s is allow-listed", [listed_tenant]) if {
	listed_tenant
} else := sprintf("tenant %s reached its cap of %d revocations per %s", [input.alert.tenant, input.counts.tenant_cap, window]) if {
	input.counts.tenant_cap > 0
	input.counts.tenant >= input.counts.tenant_cap
} else := sprintf("the global cap of %d revocations per %s is reached", [input.counts.global_cap, window]) if {
	input.counts.global_cap > 0
	input.counts.global >= input.counts.global_cap
}

listed_credential := input.alert.credential if {
	listed(input.alert.credential, input.allow_list.credentials)
} else := input.credential.id if {
	listed(input.credential.id, input.allow_list.credentials)
}

listed_tenant := input.alert.tenant if {
	listed(input.alert.tenant, input.allow_list.tenants)
} else := input.credential.tenant if {
	listed(input.credential.tenant, input.allow_list.tenants)
}

# listed: a non-empty x is on list (a missing or null list holds nothing).
listed(x, list) if {
	x != ""
	is_array(list)
	x in list
}

default window := "window"

window := input.counts.window if input.counts.window != ""
