# METADATA
# title: Credential used across tenants on a private resource
# description: >-
#   A token or secret owned by one tenant touched a private resource of another
#   tenant the actor does not belong to — the signature of a credential lifted
#   from one org's Space and replayed against another's. A crossing its
#   principal (the token's owner, else the actor) has made on 3 days or more
#   over longer than the learning period is established (a shared-services
#   account reading another account's secret nightly) and stays quiet, as
#   are all of a principal's once it has crossed into 5 tenants or more that
#   way (the platform's own scanner).
# custom:
#   id: cross_tenant_private
#   severity: high
#   tier: revoke
#   actions: [token.use, secret.read, secret.list]
package credwatch.rules.cross_tenant_private

alert := found if {
	input.event.resource.visibility == "private"
	crossed
}

# A secret's value is private whatever the resource says (a read names the
# secret, often with no visibility at all).
alert := found if {
	input.event.action == "secret.read"
	crossed
}

found := {
	"reason": sprintf("%s of tenant %s used on private %s of tenant %s", [kind, credential_tenant, resource_type, input.event.tenant]),
	"facts": {
		"credential_tenant": credential_tenant, "resource_tenant": input.event.tenant, "actor_tenants": actor_tenants,
		"crossing_days": object.get(input.context, ["crossing", "days"], 0),
	},
}

# Tenant names are compared without case: vendors spell one tenant "Acme"
# in one field and "acme" in another.
crossed if {
	credential_tenant != ""
	lower(credential_tenant) != lower(input.event.tenant)
	not member
	input.event.outcome == "success"
	not input.context.crossing.established
}

member if {
	some t in actor_tenants
	lower(t) == lower(input.event.tenant)
}

resource_type := object.get(input.event, ["resource", "type"], "secret")

kind := "token" if input.event.token.id

else := "secret"

credential_tenant := input.event.token.tenant if input.event.token.tenant

else := input.event.secret.tenant if input.event.secret.tenant

else := ""

default actor_tenants := []

actor_tenants := input.event.actor.tenants
