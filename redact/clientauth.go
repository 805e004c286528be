package redact

// clientAuthPatterns are passwords HTTP clients and mailers are given by
// position: Python requests' auth=('user', 'v') tuple, HTTPBasicAuth,
// HTTPDigestAuth and aiohttp's BasicAuth('user', 'v'), and a postfix
// sasl_passwd line ([smtp.example.com]:587 user:v).
var clientAuthPatterns = [...]legacyPattern{
	{KindCLIPassword, `(?i)auth\s*=\s*[(\[]\s*` + quotedUser + `\s*,\s*(?:` + cliQuoted + `)\s*[)\]]`, nil},
	{KindCLIPassword, `(?:HTTPBasicAuth|HTTPDigestAuth|BasicAuth)\(\s*` + quotedUser + `\s*,\s*(?:` + cliQuoted + `)`, nil},
	{KindCLIPassword, `\]:(?:587|465|25|2525)[ \t]+[^\s:]{1,128}:([^\s'"\\]{1,256})`, nil},
}

// quotedUser is a quoted user name.
const quotedUser = `(?:\\{0,3}"[^"\\\r\n]{0,128}\\{0,3}"|'[^'\r\n]{0,128}')`
