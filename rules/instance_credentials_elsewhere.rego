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
#   network is its own and is learned quietly. High when the client is also
#   new to the instance (the attacker's tools); medium when the instance
#   used that client before (aws-cli on both ends).
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
}

instance := object.get(input.event, ["attrs", "aws.ec2_instance"], "")

default new_client := false

new_client if {
	input.event.source.user_agent != ""
	not input.context.actor.known_ua_family
}

severity := "high" if new_client

else := "medium"
