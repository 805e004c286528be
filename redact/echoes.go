package redact

// echoRules are error messages that echo the credential they refused, run
// around a keyword of the message (the name alone is in every other
// event): a validation error quoting a secret-named field's value
// ("env DB_PASSWORD has a literal value \"…\"", "parameter api_key has an
// invalid value '…'"), an authentication error quoting the secret it
// compared ("secret '…' does not match client", "token \"…\" is invalid")
// and a password rule's refusal ending in the password ("… is not a valid
// password because it contains '/' at position 9: …", "invalid password:
// …" at the end of a message). A quoted value is read up to its quote;
// escaped quotes (JSON) count as quotes.
var echoRules = []looseRule{
	{KindAssignment, `(?i)(?:pass(?:word|wd|phrase)?|secret|token|api[_-]?key|credentials?)[\w-]{0,32}\b[^"'\r\n]{0,40}?\bvalues?(?: of| is| was)?(?:\s|\s?[:=]\s?)\\?["']([^"'\\\r\n]{1,128})\\?["']`, []string{"value"}},
	{KindAssignment, echoedAuth, []string{"match", "valid", "incorrect", "wrong", "expired", "revoked", "rejected", "refused"}},
	{KindAssignment, `(?i)(?:not a valid|invalid) password\b[^:\r\n"\\]{0,100}:\s*([^\s"'\\]{1,128})(?:\\?["']|$)`, []string{"valid password"}},
}

// echoedAuth is a secret quoted before the verdict on it.
const echoedAuth = `(?i)\b(?:client[ _-]?secret|secret|pass(?:word|wd|phrase)?|token|api[ _-]?key)\s+\\?["']([^"'\\\r\n]{1,128})\\?["']\s+` +
	`(?:does not match|doesn't match|did not match|is (?:not valid|invalid|incorrect|wrong|expired|revoked)|was (?:rejected|refused))`
