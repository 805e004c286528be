# METADATA
# title: Secret or Space enumeration by one credential
# description: >-
#   One credential touched far more distinct Spaces, repositories or secrets in
#   ten minutes than it ever does: at least 20, and above its own robust
#   baseline (median + 6 MAD of its past ten-minute peaks). Until the baseline
#   has six windows, at least half the window must also have been refused. A
#   stolen token is being walked across everything it can reach.
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

# probing: with a settled baseline, exceeding it is enough; while the
# credential is new to the engine, most of the sweep must also be refused
# (honest busy clients are rarely denied; a sweep with a stolen token is).
probing if input.context.window.baseline.buckets >= min_buckets

probing if input.context.window.denied * 2 >= input.context.window.events

min_buckets := 6

threshold := max([min_distinct, ceil(input.context.window.baseline.median + 6 * max([input.context.window.baseline.mad, 1]))])

# credential_tenant: a sweep across tenants is one alert, the credential owner's.
credential_tenant := input.event.token.tenant if input.event.token.tenant

else := input.event.secret.tenant if input.event.secret.tenant

else := input.event.tenant
