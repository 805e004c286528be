package redact

// shapePatterns are tokens known by their own prefix, which the gitleaks
// catalogue finds only next to their vendor's name (new-relic-user-api-key,
// mailgun-private-api-token, sonar-api-token, telegram-bot-api-token) or
// in a stricter form (sentry-org-token), or not at all (Google's OAuth
// client secret): a New Relic user key, a Google OAuth client secret, a
// Sentry org token, a SonarQube token and a Mailgun key (key- and 32
// lower-case hex digits, ended by no name byte).
var shapePatterns = [...]legacyPattern{
	{"new_relic_key", `NRAK-[A-Za-z0-9]{27}`, nil},
	{"google_oauth_client_secret", `GOCSPX-[A-Za-z0-9_\-]{28}`, nil},
	{"sentry_token", `sntrys_eyJ[A-Za-z0-9+/=_]{30,400}`, nil},
	{"sonarqube_token", `sq[upa]_[A-Za-z0-9]{40}`, nil},
	{"mailgun_key", `(key-[a-f0-9]{32})(?:[^A-Za-z0-9_\-]|$)`, nil},
	// An AWS validation error echoes the value it refused: "Value 'v' at
	// 'secretString' failed to satisfy constraint" (CloudTrail's
	// errorMessage), for a member that holds a secret's value.
	{KindAssignment, `(?i)value '([^'\r\n]{1,1000})' at '(?:[\w.\[\]-]{0,100}\.)?` + echoedMembers + `' failed to satisfy`, nil},
}

// echoedMembers are the members of AWS requests whose refused values are
// secrets: a parameter's or secret's value, a password, a token, a key.
const echoedMembers = `(?:value|secretString|secretBinary|[\w-]{0,64}(?:password|passwd|secret|token|privateKey|secretKey|apiKey|authKey))`

// looseRule is a rule without a literal prefix, run around its keywords.
type looseRule struct {
	kind, expr string
	keywords   []string
}

// looseRules are pwdump lines with an LM hash (pwdumpPatterns) and
// Telegram bot tokens (id:AA…, the secret part always starting "AA"), and
// Azure's 64-byte account keys (Storage, Cosmos DB) bare in base64, around
// their "==" (not sha512-<digest>, an npm integrity hash: a '-' before it).
var looseRules = []looseRule{
	{KindPasswordHash, pwdumpPatterns[0], []string{":::"}},
	{KindPasswordHash, pwdumpPatterns[1], []string{":::"}},
	{"telegram_bot_token", `(?:^|[^0-9])([0-9]{8,10}:AA[A-Za-z0-9_\-]{33})(?:[^A-Za-z0-9_\-]|$)`, []string{":aa"}},
	{"azure_account_key", `(?:^|[\s"'(\[,;|>])([A-Za-z0-9+/]{86}==)(?:[^A-Za-z0-9+/=]|$)`, []string{"=="}},
}
