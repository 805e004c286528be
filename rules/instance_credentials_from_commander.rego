# METADATA
# title: EC2 instance credentials used from the network that just ran a command on the instance
# description: >-
#   Someone ran code on an EC2 instance (an SSM SendCommand or session, an
#   SSH key pushed through EC2 Instance Connect or the serial console, new
#   user data, which runs at the next start), and
#   within 12 hours the instance's role credentials were used from that
#   commander's network (the same /24, or /64), which the instance's own
#   credentials had not used before the command. The metadata service
#   hands those credentials only to code on the instance: used from the
#   commander's machine, they were read off the instance and taken away
#   (Stratus Red Team's ec2-steal-instance-credentials, GuardDuty's
#   InstanceCredentialExfiltration). It needs no history, so it holds from
#   the first day and for a new instance. Instances behind the NAT gateway
#   a bastion or CI runner in their VPC shares use that address themselves
#   before any command reaches them (the SSM agent does), and are quiet;
#   so is a private address (a VPC endpoint).
# custom:
#   id: instance_credentials_from_commander
#   severity: high
#   tier: revoke
#   actions: [token.use, secret.read, secret.list]
package credwatch.rules.instance_credentials_from_commander

alert := {
	"reason": sprintf("credentials of EC2 instance %s used from %s, %v minutes after %s ran a command on it from %s (event %s)", [
		cmd.subject, object.get(input.event.source, "ip", ""), cmd.minutes_ago, commander, cmd.ip, cmd.event_id,
	]),
	"facts": {
		"instance": cmd.subject, "ip": object.get(input.event.source, "ip", ""), "command": cmd,
		"imds": object.get(input.event, ["attrs", "aws.ec2_role_delivery"], ""),
	},
	"severity": "high",
} if {
	input.event.attrs["aws.ec2_instance"] != "" # read first: a guard judged in Go
	input.event.outcome in {"success", "denied"}
	not input.event.source.internal
	commander != object.get(input.event, ["actor", "id"], "")
}

cmd := input.context.sequence.instance_commanded

commander := object.get(cmd, "actor", "someone")
