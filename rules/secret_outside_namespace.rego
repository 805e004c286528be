# METADATA
# title: Service account reached secrets outside its namespace
# description: >-
#   A Kubernetes service account read, listed or changed a Secret in a
#   namespace other than its own (or listed Secrets across all of them),
#   where it never succeeded within the forget horizon. An application's
#   token is bound to its namespace's secrets; one that reaches into
#   kube-system, the monitoring stack or another team's namespace was taken
#   from its pod and is walking what RBAC lets it see. Controllers that read
#   other namespaces every day (an operator, external-secrets, a backup
#   tool) are established there, or in five namespaces or more (or all at
#   once), and stay quiet. High for an account with a history of its own;
#   medium for one younger than the learning period, and for a refusal (a
#   probe that RBAC stopped) where it was never refused before. A person
#   touching Secrets of a namespace they never touched (after their first
#   week), and a person, the control plane or a node listing every
#   namespace's Secrets for the first time (a dump of the cluster's
#   secrets), are medium. kube-system's built-in controllers are not judged.
# custom:
#   id: secret_outside_namespace
#   severity: high
#   tier: revoke
#   actions: [secret.read, secret.list, secret.create, secret.update, secret.delete]
package credwatch.rules.secret_outside_namespace

alert := {
	"reason": sprintf("%s %s %s%s, %s", [input.event.actor.id, verb, where, outside, why]),
	"facts": {
		"home": ns.home, "target": ns.target, "secret": object.get(input.event, ["secret", "id"], ""),
		"namespaces": ns.namespaces, "outcome": input.event.outcome,
	},
	"severity": severity,
} if {
	input.context.namespace.target != input.context.namespace.home # read first: a guard judged in Go
	not ns.established
	not input.context.learning
	not new_person
	first_time
}

# A person has no namespace of their own: the namespaces they use are
# learned, and a newcomer's first days are not judged.
new_person if {
	ns.home == ""
	ns.target != "*"
	input.context.actor.learning
}

ns := input.context.namespace

first_time if {
	input.event.outcome == "success"
	ns.days == 0
}

first_time if {
	input.event.outcome == "denied"
	ns.days == 0
	not ns.denied
}

severity := "medium" if input.event.outcome == "denied"

else := "medium" if ns.home == "" # a person, a node: no namespace of its own

else := "medium" if input.context.actor.learning

else := "high"

verb := "was refused" if input.event.outcome == "denied"

else := sprintf("did %s on", [input.event.action])

where := "Secrets of every namespace" if ns.target == "*"

else := sprintf("a Secret of namespace %s", [ns.target])

outside := sprintf(" outside its namespace %s", [ns.home]) if ns.home != ""

else := ""

why := "which it never did before" if ns.target == "*"

else := "a namespace it never reached before" if ns.namespaces == 0

else := sprintf("one of %d namespaces it reached, never this one", [ns.namespaces])
