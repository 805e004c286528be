# METADATA
# title: Build read more secrets than it declares or ever did
# description: >-
#   A Space build read a secret that belongs to another workload (one it does
#   not declare), or read more distinct secrets than it declares and than any
#   of its earlier builds, by a margin. A poisoned dependency or build step harvesting secrets looks
#   like this.
# custom:
#   id: build_overread
#   severity: high
#   tier: revoke
#   actions: [secret.read]
package credwatch.rules.build_overread

alert := {
	"reason": sprintf("build %s of %s read %s of %s, which it does not declare (%d foreign secrets so far)", [
		input.event.workload.build_id, input.event.workload.id, input.event.secret.id,
		object.get(input.event.secret, "workload", "?"), input.context.build.foreign_secrets,
	]),
	"facts": {"build": input.context.build, "secret": input.event.secret.id},
	"subject": input.event.workload.id,
} if {
	input.context.build.foreign
}

# margin is how many more secrets than its most ever a build may read
# (a secret or two added since is normal).
margin := 2

alert := {
	"reason": sprintf("build %s of %s read %d distinct secrets; it declares %d and its earlier %d builds read at most %d", [
		input.event.workload.build_id, input.event.workload.id, input.context.build.secrets_read,
		input.context.build.declared, input.context.build.history_builds, input.context.build.history_max,
	]),
	"facts": {"build": input.context.build, "secret": input.event.secret.id},
	"subject": input.event.workload.id,
} if {
	not input.context.build.foreign
	input.context.build.history_builds >= 3
	input.context.build.secrets_read > max([input.context.build.history_max, input.context.build.declared]) + margin
}
