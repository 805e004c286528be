package redact

// adminPatterns are passwords an administrator sets or pipes by position:
// MySQL's SET PASSWORD FOR, MongoDB's changeUserPassword, a password echoed
// into sudo -S, rabbitmqctl's add_user and change_password, curl's
// --oauth2-bearer, chpasswd's here-string, openssl passwd's argument, the
// first value of vault kv put or patch (every value there is a secret), and
// configuration directives whose value is a password (HAProxy's
// insecure-password, LDAP's bindpw and rootpw), and what an expect script
// sends after a password prompt.
var adminPatterns = [...]legacyPattern{
	{KindCLIPassword, `(?i)password\s+for\s+` + sqlAccount + `\s*=\s*(?:password\s*\(\s*)?` + cmdValue, nil},
	{KindCLIPassword, `(?i)changeUserPassword\s*\(\s*\\{0,3}["'][^"'\\]{1,64}\\{0,3}["']\s*,\s*` + cmdValue, nil},
	{KindCLIPassword, `(?i)echo\s+(?:-[ne]\s+)?` + cmdValue + `\s*\|\s*sudo\s+(?:-\w{1,16}\s+){0,4}-S\b`, nil},
	{KindCLIPassword, `(?i)rabbitmqctl(?:` + cliSep + `-[^\s",]{1,64}(?:` + cliSep + `[^-\s",][^\s",]{0,64})?){0,4}` + cliSep +
		`(?:add_user|change_password)` + cliSep + `[^\s",]{1,128}` + cliSep + `(?:` + cliQuoted + `|` + cliBare + `)`, nil}, // also a JSON argv
	{KindCLIPassword, `(?i)--oauth2-bearer[\s=]+` + cmdValue, nil},
	{KindCLIPassword, `(?i)chpasswd\s*<<<\s*\\{0,3}["']?[^\s:'"]{1,64}:([^\s'"\\]{1,128})`, nil},
	{KindCLIPassword, `(?i)openssl\s+passwd(?:\s+-(?:1|5|6|apr1|aixmd5|crypt)|\s+-salt\s+\S{1,64}){0,4}\s+` +
		`(?:'([^'\r\n]{1,128})'|"([^"\r\n]{1,128})"|([^\s'"()-][^\s'"()]{0,127}))`, nil}, // in $(…)
	{KindCLIPassword, `(?i)vault\s+kv\s+(?:put|patch)\s+(?:-\S{1,64}\s+){0,4}[^\s=]{1,256}\s+[^\s=]{1,64}=` + cmdValue, nil},
	{KindCLIPassword, `(?i)(?:insecure-password|bindpw|rootpw)[ \t]+` + cmdValue, nil},
	{KindCLIPassword, `(?i)expect\s+(?:-\w{1,8}\s+)?\\?["{][^"}\r\n\\]{0,64}(?:assword|passphrase|passwd|\bpin\b)[^"}\r\n\\]{0,64}\\?["}]` +
		`(?:\s|\\[nrt]|;){1,8}send\s+(?:--\s+)?\\?["{]([^"}\r\n\\]{1,128})(?:\\{1,2}[rn]|[\r\n])?\\?["}]`, nil}, // Tcl quotes with "" and {}
}

// sqlAccount is a MySQL account: user, 'user' or "user", then @host alike
// (not sshd's "Failed password for root from …").
const sqlAccount = `(?:'[^'\r\n]{0,64}'|"[^"\r\n]{0,64}"|[^\s=;'"@]{1,64})(?:@(?:'[^'\r\n]{0,255}'|"[^"\r\n]{0,255}"|[^\s=;'"]{1,255}))?`
