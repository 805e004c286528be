# METADATA
# title: Workload-bound token used off-platform
# description: >-
#   A token bound to a workload (a Space) was used from outside the platform's
#   own infrastructure. Space tokens only ever run on the platform; a use from
#   any other network means the token left the Space.
# custom:
#   id: workload_token_off_platform
#   severity: critical
#   tier: revoke
#   actions: [token.use, secret.read, secret.list]
package credwatch.rules.workload_token_off_platform

alert := {
	"reason": sprintf("token bound to %s used from AS%d %s (%s), outside the platform", [
		input.event.token.workload, object.get(input.event.source, "asn", 0), object.get(input.event.source, "as_org", ""),
		object.get(input.event.source, "country", "??"),
	]),
	"facts": {"workload": input.event.token.workload, "asn": object.get(input.event.source, "asn", 0), "ip": object.get(input.event.source, "ip", "")},
} if {
	input.event.token.workload != ""
	not input.event.source.internal
	input.event.outcome == "success"
}

# On the platform, the workload that acted must be the one the token is bound
# to: another Space replaying a token it read is the same theft from inside.
# Workload ids are compared without case: the platform's names ignore it.
alert := {
	"reason": sprintf("token bound to %s used on the platform by another workload, %s", [
		input.event.token.workload, input.event.workload.id,
	]),
	"facts": {"workload": input.event.token.workload, "used_by": input.event.workload.id, "asn": object.get(input.event.source, "asn", 0)},
} if {
	input.event.token.workload != ""
	input.event.source.internal
	input.event.workload.id != ""
	lower(input.event.workload.id) != lower(input.event.token.workload)
	input.event.outcome == "success"
}
