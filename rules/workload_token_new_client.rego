# METADATA
# title: Workload token used with a tool its workload never used
# description: >-
#   A token bound to a workload (a Space, a pod) was used with a client family
#   neither the token nor its principal used within the forget horizon, and
#   that client is a hand-held tool (kubectl, curl, a browser, a scripting
#   library, a cloud CLI). A workload's code speaks with its own client; a
#   person or implant replaying the token it read speaks with theirs, often
#   from inside the platform, where the network rules cannot see it.
# custom:
#   id: workload_token_new_client
#   severity: medium
#   tier: notify
#   actions: [token.use, secret.read, secret.list]
package credwatch.rules.workload_token_new_client

alert := {
	"reason": sprintf("token bound to %s used with %s, a client it and %s never used", [
		input.event.token.workload, family, input.event.actor.id,
	]),
	"facts": {"workload": input.event.token.workload, "client": family, "internal": object.get(input.event.source, "internal", false)},
} if {
	input.event.token.workload != ""
	input.event.outcome == "success"
	input.context.first_seen.ua_family
	not input.context.actor.known_ua_family
	not input.context.actor.learning
	not input.context.learning
	some tool in tools
	startswith(lower(family), tool)
}

# family is the user agent's product token, as the baselines key it.
family := regex.split(`[/ (]`, input.event.source.user_agent)[0]

# tools are the clients people and implants use by hand (prefixes, lower case).
tools := [
	"kubectl", "curl", "wget", "mozilla", "python-requests", "python-urllib", "python-httpx",
	"go-http-client", "aws-cli", "azure-cli", "google-cloud-sdk", "gcloud", "postmanruntime",
	"insomnia", "httpie", "powershell", "okhttp", "node-fetch", "axios",
	"vault", "helm", "k9s", "lens", "openlens",
]
