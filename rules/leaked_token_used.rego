# METADATA
# title: Credential used after it was reported leaked
# description: >-
#   A token was reported leaked (a secret scanner found it in public code, a
#   paste, a Space) and was then used, successfully or not; or the report came
#   after it had already been used since the leak. Anyone holding a leaked
#   token may be the one using it; revoke it.
# custom:
#   id: leaked_token_used
#   severity: critical
#   tier: revoke
#   actions: [token.use, secret.read, secret.list, token.leak_reported]
package credwatch.rules.leaked_token_used

# A use after a leak report. A later report of the same credential is not a
# use: it alerts only on the uses before it (below).
alert := {
	"reason": sprintf("used (%s) from AS%d %v min after it was reported leaked", [
		input.event.outcome, object.get(input.event.source, "asn", 0), input.context.sequence.leak_reported.minutes_ago,
	]),
	"facts": {"leak_report": input.context.sequence.leak_reported, "asn": object.get(input.event.source, "asn", 0)},
} if {
	input.context.sequence.leak_reported.event_id
	input.event.action != "token.leak_reported"
}

# A leak report that arrives after uses since the leak (the report's time):
# they were judged without a leak context, so the report raises them. The
# engine leaves out uses an earlier report already covered, and a use after
# this report alerts by itself (above), so no use is raised twice.
alert := {
	"reason": sprintf("reported leaked after it was used: the newest use %v min after the leak, from %s", [
		prior.minutes_after_leak, networks,
	]),
	"facts": {"used_before_report": prior, "asn": object.get(prior, "asn", 0)},
} if {
	input.context.sequence.used_before_report.minutes_after_leak >= 0
	input.event.action == "token.leak_reported"
}

prior := input.context.sequence.used_before_report

# networks names the networks used since the leak, newest first, as far as
# the credential's profile holds them.
networks := concat(", ", [sprintf("AS%d", [n]) | some n in prior.asns]) if {
	count(prior.asns) > 0
} else := "a network it has no profile of"
