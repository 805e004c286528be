# METADATA
# title: Credential used across tenants on a private resource
# description: >-
#   A token or secret owned by one tenant touched a private resource of another
#   tenant the actor does not belong to — the signature of a credential lifted
#   from one org's Space and replayed against another's.
# custom:
#   id: cross_tenant_private
#   severity: high
#   tier: revoke
#   actions: [token.use, secret.read, secret.list]
package credwatch.rules.cross_tenant_private

alert := {
	"reason": sprintf("%s of tenant %s used on private %s of tenant %s", [kind, owner, input.event.resource.type, input.event.tenant]),
	"facts": {"credential_tenant": owner, "resource_tenant": input.event.tenant, "actor_tenants": actor_tenants},
} if {
	input.event.resource.visibility == "private"
	owner := credential_tenant
	owner != ""
	owner != input.event.tenant
	not input.event.tenant in actor_tenants
	input.event.outcome == "success"
}

kind := "token" if input.event.token.id

else := "secret"

credential_tenant := input.event.token.tenant if input.event.token.tenant

else := input.event.secret.tenant if input.event.secret.tenant

else := ""

default actor_tenants := []

actor_tenants := input.event.actor.tenants
