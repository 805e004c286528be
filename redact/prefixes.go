package redact

// prefixPatterns are vendors' tokens known by a prefix of their own that
// the gitleaks catalogue finds in a stricter form or not at all, so that a
// bare one (echo TOKEN > ~/.config/x, a line of a dump) is redacted: Docker
// Hub, Stripe webhook secrets, Groq, Replicate, xAI, Notion, CircleCI,
// Buildkite, Tailscale, Contentful, Figma, Supabase, Sourcegraph, NuGet,
// Intercom, Tencent Cloud, Vault batch and recovery tokens, Google OAuth
// refresh tokens, Facebook user tokens, Mapbox secret tokens, Airtable
// personal access tokens, Twitter app bearer tokens, LaunchDarkly keys,
// Asana and PagerDuty personal tokens. (A bare Discord bot token has no
// literal to anchor on but two-letter ones, "MT", "Nz", that the
// case-folded scan meets in every other word: 1.4 µs more per clean event.)
var prefixPatterns = [...]legacyPattern{
	{"dockerhub_pat", `\bdckr_pat_[A-Za-z0-9_-]{20,40}`, nil},
	{"stripe_webhook_secret", `\bwhsec_[A-Za-z0-9+/=]{24,64}`, nil},
	{"groq_api_key", `\bgsk_[A-Za-z0-9]{48,56}\b`, nil},
	{"replicate_api_token", `\br8_[A-Za-z0-9]{30,40}\b`, nil},
	{"xai_api_key", `\bxai-[A-Za-z0-9]{60,100}\b`, nil},
	{"notion_api_token", `\bntn_[A-Za-z0-9]{40,50}\b`, nil},
	{"circleci_pat", `\bCCIPAT_[A-Za-z0-9]{20,24}_[a-f0-9]{40}\b`, nil},
	{"buildkite_token", `\bbkua_[a-z0-9]{40}\b`, nil},
	{"tailscale_key", `\btskey-(?:auth|api|client|scim|webhook)-[A-Za-z0-9]{8,20}-[A-Za-z0-9]{20,40}\b`, nil},
	{"contentful_pat", `\bCFPAT-[A-Za-z0-9_-]{40,46}`, nil},
	{"figma_pat", `\bfigd_[A-Za-z0-9_-]{38,44}`, nil},
	{"supabase_pat", `\bsbp_[a-f0-9]{40}\b`, nil},
	{"sourcegraph_token", `\bsgp_(?:[a-f0-9]{16}_)?[a-f0-9]{40}\b`, nil},
	{"nuget_api_key", `\boy2[a-z0-9]{43}\b`, nil},
	{"intercom_token", `\bdG9rOj[A-Za-z0-9+/]{40,80}={0,2}`, nil},
	{"tencent_secret_id", `\bAKID[A-Za-z0-9]{32}\b`, nil},
	{"vault_token", `\bhv[br]\.[A-Za-z0-9_-]{20,300}`, nil},
	{"google_refresh_token", `\b1//0[A-Za-z0-9_-]{40,200}`, nil},
	{"facebook_user_token", `\bEAA[A-Za-z0-9]{90,300}\b`, nil},
	{"mapbox_secret_token", `\bsk\.eyJ[A-Za-z0-9_-]{20,200}\.[A-Za-z0-9_-]{20,100}`, nil},
	{"airtable_pat", `\bpat[A-Za-z0-9]{14}\.[a-f0-9]{64}\b`, nil},
	{"twitter_bearer_token", `AAAAAAAAAAAAAAAAAAAAA[A-Za-z0-9]{4,80}%[A-Za-z0-9%]{20,200}`, nil}, // URL-encoded: a % in it
	{"launchdarkly_key", `\b(?:api|sdk|mob)-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b`, nil},
	{"asana_pat", `\b(?:1/[0-9]{10,20}|2/[0-9]{10,20}/[0-9]{10,20}):[A-Za-z0-9]{32}\b`, nil},
	{"pagerduty_token", `\bu\+[A-Za-z0-9_-]{18}(?:[^A-Za-z0-9_+-]|$)`, nil},
	// Webhook URLs whose path is the secret: IFTTT's Maker key, Zapier's
	// catch hooks, Mattermost's incoming webhooks.
	{"webhook_url_secret", `(?i)maker\.ifttt\.com/trigger/[^/\s"'\\]{1,128}/(?:json/)?with/key/([A-Za-z0-9_-]{16,64})` +
		`|hooks\.zapier\.com/hooks/catch/[0-9]{3,12}/([A-Za-z0-9]{5,32})|/hooks/([a-z0-9]{26})\b`, nil},
	// A cloud key id followed by its secret (echo ID SECRET, a CSV row,
	// ID:SECRET): the secret has no prefix of its own (AWS, Alibaba,
	// Scaleway, Tencent).
	{"cloud_key_pair", `(?:(?:AKIA|ASIA)[A-Z0-9]{16}` + keyPairGap + `([A-Za-z0-9/+]{40})` +
		`|LTAI[A-Za-z0-9]{12,20}` + keyPairGap + `([A-Za-z0-9]{30})` +
		`|SCW[A-Z0-9]{17}` + keyPairGap + `([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})` +
		`|AKID[A-Za-z0-9]{32}` + keyPairGap + `([A-Za-z0-9]{32}))(?:[^A-Za-z0-9/+]|$)`, nil},
}

// keyPairGap is what may stand between a key id and its secret: spaces,
// commas, colons, quotes, escaped line breaks, at most eight of them.
const keyPairGap = `(?:[\s,:;=|'"]|\\[nrt"]){1,8}`
