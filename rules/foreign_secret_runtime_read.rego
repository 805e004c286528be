# METADATA
# title: Workload read another workload's secret at runtime
# description: >-
#   A running workload (a Space) read a secret bound to another workload. A
#   Space's runtime is given its own secrets only; reading another's means its
#   credential, or the platform's check, let it reach a value it was never
#   meant to hold, and that value must be taken as exposed. Builds are judged
#   by build_overread; secrets bound to no workload (an org's) are not this.
# custom:
#   id: foreign_secret_runtime_read
#   severity: high
#   tier: revoke
#   actions: [secret.read]
package credwatch.rules.foreign_secret_runtime_read

alert := {
	"reason": sprintf("%s read %s, a secret of %s, at runtime (as %s)", [
		input.event.workload.id, object.get(input.event.secret, "id", "?"), input.event.secret.workload,
		input.event.actor.id,
	]),
	"facts": {
		"reader": input.event.workload.id, "owner": input.event.secret.workload,
		"secret": object.get(input.event.secret, "id", ""), "asn": object.get(input.event.source, "asn", 0),
	},
} if {
	input.event.outcome == "success"
	input.event.workload.id != ""
	input.event.secret.workload != ""
	lower(input.event.workload.id) != lower(input.event.secret.workload)
	not build_read
}

# A build's reads are build_overread's, as the engine tells them apart: a
# build phase with a build id.
build_read if {
	input.event.workload.phase == "build"
	input.event.workload.build_id != ""
}
