# METADATA
# title: Space duplicated then probed for its secrets
# description: >-
#   An outsider duplicated a tenant's Space and then listed or read that
#   tenant's secrets. Duplicating copies the code, never the secret values; an
#   actor who then goes after the values is hunting for credentials.
# custom:
#   id: space_duplicate_probe
#   severity: high
#   tier: revoke
#   actions: [secret.list, secret.read]
package credwatch.rules.space_duplicate_probe

alert := {
	"reason": sprintf("%s duplicated %s %v min earlier, then tried %s on tenant %s (%s), which it is not a member of", [
		input.event.actor.id, input.context.sequence.duplicated.subject, input.context.sequence.duplicated.minutes_ago,
		input.event.action, input.event.tenant, input.event.outcome,
	]),
	"facts": {"duplicated": input.context.sequence.duplicated, "tenant": input.event.tenant},
	"subject": sprintf("actor:%s", [input.event.actor.id]),
} if {
	input.context.sequence.duplicated.event_id
	not member
}

# Tenant names are compared without case, as in cross_tenant_private (and
# as the engine arms sequence.duplicated): vendors spell one tenant "Acme"
# in one field and "acme" in another.
member if {
	some t in input.event.actor.tenants
	lower(t) == lower(input.event.tenant)
}
