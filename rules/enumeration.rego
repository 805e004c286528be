# METADATA
# title: Secret or Space enumeration by one credential
# description: >-
#   One credential touched far more distinct Spaces, repositories or secrets in
#   ten minutes than it ever does: at least 20, above its own robust baseline
#   (median + 6 MAD of its past ten-minute peaks) and twice its p99 (a short
#   history understates the spread of a busy client). Until the credential
#   has left its learning period with six windows of history, at least half
#   the window must also have been refused, or the sweep must come from a
#   network its (settled, not roaming) actor has had for less than a day,
#   beyond the actor's own usual peak. A stolen token is being walked across
#   everything it can reach.
# custom:
#   id: enumeration
#   severity: high
#   tier: revoke
#   actions: [token.use, secret.read, secret.list]
package credwatch.rules.enumeration

min_distinct := 20

alert := {
	"reason": sprintf("%d distinct resources in %d min (%d denied); its usual peak is %v (MAD %v over %d windows)", [
		input.context.window.distinct, input.context.window.minutes, input.context.window.denied,
		input.context.window.baseline.median, input.context.window.baseline.mad, input.context.window.baseline.buckets,
	]),
	"facts": {"window": input.context.window, "threshold": threshold},
	"tenant": credential_tenant,
} if {
	input.context.window.distinct >= threshold
	probing
}

# probing: with a settled baseline (past the credential's learning period, so
# it has seen whole days and not just a quiet night), exceeding it is enough;
# until then, most of the sweep must also be refused
# (honest busy clients are rarely denied; a sweep with a stolen token is).
probing if {
	not input.context.learning
	input.context.window.baseline.buckets >= min_buckets
}

probing if input.context.window.denied * 2 >= input.context.window.events

# probing: a sweep (by a fresh role session, a new token) from a network its
# actor has had for less than a day (the sweep's own first reads make it one
# of the actor's): the actor's own windows say what is usual for it (a
# config sync that reads 30 secrets at every start), and one that roams over
# 10 networks or more (a hosted runner's bot) meets new ones daily.
probing if {
	input.context.actor.asn_hours < 24
	not input.context.actor.learning
	not input.event.source.internal
	input.context.actor.known_asns < 10
	not usual_for_the_actor
}

usual_for_the_actor if {
	b := input.context.actor.window.baseline
	b.buckets >= min_buckets
	input.context.actor.window.distinct < threshold_of(b)
}

min_buckets := 6

threshold := threshold_of(input.context.window.baseline)

# threshold_of: at least min_distinct, above the baseline's median by 6 MAD
# and twice its p99.
threshold_of(b) := max([min_distinct, ceil(b.median + 6 * max([b.mad, 1])), ceil(2 * b.p99)])

# credential_tenant: a sweep across tenants is one alert, the credential owner's.
credential_tenant := input.event.token.tenant if input.event.token.tenant

else := input.event.secret.tenant if input.event.secret.tenant

else := input.event.tenant
