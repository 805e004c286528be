# METADATA
# title: Credential used from another tenant's workload
# description: >-
#   A token or secret of one tenant was used, successfully, by a workload (a
#   Space) in the namespace of another tenant that neither the credential's
#   owner nor the actor belongs to. A Space runs with its own tenant's
#   credentials; one of another tenant's in it was lifted from where it was
#   kept (another Space's secrets, a leaked file) and is replayed from the
#   holder's own workload. Tokens bound to a workload are judged by
#   workload_token_off_platform; a member's own Spaces in other namespaces
#   are not this.
# custom:
#   id: foreign_workload_token_use
#   severity: high
#   tier: revoke
#   actions: [token.use, secret.read, secret.list]
package credwatch.rules.foreign_workload_token_use

alert := {
	"reason": sprintf("%s of tenant %s used from %s, a workload of %s (as %s)", [
		kind, credential_tenant, input.event.workload.id, namespace, input.event.actor.id,
	]),
	"facts": {
		"workload": input.event.workload.id, "workload_tenant": namespace, "credential_tenant": credential_tenant,
		"actor_tenants": actor_tenants, "asn": object.get(input.event.source, "asn", 0),
	},
} if {
	input.event.outcome == "success"
	not input.event.token.workload
	credential_tenant != ""
	namespace != ""
	lower(namespace) != lower(credential_tenant)
	not own_namespace
}

# namespace is the tenant a workload id of the form kind:namespace/name
# (space:acme/chat) names; "" for any other form.
namespace := ns if {
	parts := split(input.event.workload.id, ":")
	count(parts) == 2
	path := split(parts[1], "/")
	count(path) >= 2
	ns := path[0]
} else := ""

# own_namespace: the actor or the credential's owner belongs to the
# workload's namespace, or it is theirs (a user's own Space).
own_namespace if {
	some t in array.concat(actor_tenants, [input.event.actor.id, object.get(input.event, ["token", "owner"], "")])
	lower(t) == lower(namespace)
}

kind := "token" if input.event.token.id

else := "secret"

credential_tenant := input.event.token.tenant if input.event.token.tenant

else := input.event.secret.tenant if input.event.secret.tenant

else := ""

default actor_tenants := []

actor_tenants := input.event.actor.tenants
