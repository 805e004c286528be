# METADATA
# title: EC2 instance credentials used away from their instance
# description: >-
#   An EC2 instance's role credentials, which its metadata service hands only
#   to code on that instance, were used from a network neither the instance
#   nor anyone else in its account used within the forget horizon. The
#   instance calls AWS from its own address (or through a VPC endpoint,
#   which is internal); a key read through an SSRF or from a compromised
#   host and replayed from an attacker's machine comes from elsewhere
#   (GuardDuty's InstanceCredentialExfiltration). An instance's first
#   network is its own and is learned quietly. High when the instance had
#   used this very key from its own network and the client is new to it
#   (the attacker's tools); medium when the key is the instance's but the
#   client is one it uses (an address change looks the same: with no list
#   of AWS's addresses the engine cannot tell AWS from a VPS), or when a key
#   the instance had not used yet comes with a new client. A restarted
#   instance's fresh key, from its new address with its own SDK, is quiet.
# custom:
#   id: instance_credentials_elsewhere
#   severity: high
#   tier: revoke
#   actions: [token.use, secret.read, secret.list]
package credwatch.rules.instance_credentials_elsewhere

alert := {
	"reason": sprintf("credentials of EC2 instance %s used from %s (AS%d %s), a network neither it nor its account used", [
		instance, object.get(input.event.source, "ip", ""), input.event.source.asn, object.get(input.event.source, "as_org", ""),
	]),
	"facts": {
		"instance": instance, "ip": object.get(input.event.source, "ip", ""), "asn": input.event.source.asn,
		"known_asns": input.context.actor.known_asns, "new_client": new_client,
		"imds": object.get(input.event, ["attrs", "aws.ec2_role_delivery"], ""),
	},
	"severity": severity,
} if {
	input.event.attrs["aws.ec2_instance"] != "" # read first: a guard judged in Go
	input.event.outcome in {"success", "denied"}
	not input.event.source.internal
	input.event.source.asn != 0
	input.context.actor.known_asns > 0 # the instance's own network is known
	not input.context.actor.known_asn
	not input.context.tenant.known_asn
	not input.context.learning
	replayed_or_foreign_client
}

# The very key the instance used is now used elsewhere, or a key the
# instance has not used yet comes with a client it never used: a restarted
# instance's fresh key, from its new address and its own SDK, is neither.
replayed_or_foreign_client if input.context.uses > 0

replayed_or_foreign_client if new_client

instance := object.get(input.event, ["attrs", "aws.ec2_instance"], "")

default new_client := false

new_client if {
	input.event.source.user_agent != ""
	not input.context.actor.known_ua_family
}

severity := "high" if {
	input.context.uses > 0
	new_client
} else := "medium"
