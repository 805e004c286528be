# METADATA
# title: Secret or Space enumeration by one credential
# description: >-
#   One credential touched far more distinct Spaces, repositories or secrets in
#   ten minutes than it ever does: at least 20, above its own robust baseline
#   (median + 6 MAD of its past ten-minute peaks) and twice its p99 (a short
#   history understates the spread of a busy client). Until the credential
#   has left its learning period with six windows of history, at least half
#   the window must also have been refused. A stolen token is being walked
#   across everything it can reach.
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

min_buckets := 6

threshold := max([
	min_distinct,
	ceil(input.context.window.baseline.median + 6 * max([input.context.window.baseline.mad, 1])),
	ceil(2 * input.context.window.baseline.p99),
])

# credential_tenant: a sweep across tenants is one alert, the credential owner's.
credential_tenant := input.event.token.tenant if input.event.token.tenant

else := input.event.secret.tenant if input.event.secret.tenant

else := input.event.tenant
