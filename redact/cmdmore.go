package redact

import (
	"bytes"
	"strconv"
)

// moreCommandPatterns are further credentials given by position on a
// command line: rclone's remote options (the first and the last secret
// one), Vault's AppRole login, a .pgpass line echoed into the file,
// kubectl create secret's literals, and fly/gh secrets set's later NAME=v
// pairs (the first is commandPatterns').
var moreCommandPatterns = append([]legacyPattern{
	{KindCLIPassword, `(?i)rclone\s+config\s+(?:create|update)\s+(?:[^\n\r]{0,400}?\s)?` + rcloneKeys + `\s+` + cmdValue, nil},
	{KindCLIPassword, `(?i)rclone\s+config\s+(?:create|update)\s+[^\n\r]{0,400}\s` + rcloneKeys + `\s+` + cmdValue, nil},
	{KindCLIPassword, `(?i)vault\s+write\s+(?:-[\w=-]{1,64}\s+){0,4}auth/[\w-]{1,64}/login\s+(?:[^\n\r]{0,300}?\s)?secret_id=` + cmdValue, nil},
	{KindCLIPassword, `(?i)echo\s+(?:-[ne]\s+)?\\?["']?[\w.*-]{1,253}:(?:[0-9]{1,5}|\*):[^\s:'"]{1,63}:[^\s:'"]{1,63}:([^\s'"\\]{1,256})\\?["']?\s*>{1,2}\s*[^\s]{0,64}pgpass`,
		lineHolds("pgpass")},
	// kubectl create secret generic NAME --from-literal=KEY=v …: each pass
	// of Bytes finds the first literal whose value is not yet a reference
	// (up to the fourth), whatever the key is called.
	{KindCLIPassword, `(?i)create\s+secret\b[^\n\r|;&]{0,300}?` + fromLiteral + `(?:redacted:[0-9a-f]{16}\\?["']?[^\n\r|;&]{0,200}?` +
		fromLiteral + `){0,3}` + cmdValue, createSecret},
}, secretsSetPairs(5)...)

// createSecret is the precheck of the kubectl pattern, anchored on
// "create" (created_at, createdBy …): blanks, then "secret", follow it.
func createSecret(w []byte) bool {
	rest := bytes.TrimLeft(w[min(len(w), len("create")):], " \t")
	return len(rest) < len(w)-len("create") && len(rest) >= len("secret") && bytes.EqualFold(rest[:len("secret")], []byte("secret"))
}

// fromLiteral is kubectl's --from-literal flag up to its value: the key,
// quoted or not, and '='.
const fromLiteral = `--from-literal[=\s]\\?["']?[^=\s"'\\]{1,64}=`

// rcloneKeys are rclone's options that hold a secret.
const rcloneKeys = `(?:secret_access_key|access_key_id|pass|password|token|client_secret|account_key|key|sas_url|session_token)`

// secretsSetPairs are the patterns of the 2nd to (n+1)th NAME=v pair of
// fly/gh secrets set (fly secrets set A=1 B=v C=x): one rule each, since a
// rule finds one value where its anchor is.
func secretsSetPairs(n int) []legacyPattern {
	var ps []legacyPattern
	for k := 1; k <= n; k++ {
		ps = append(ps, legacyPattern{KindCLIPassword, `(?i)secrets\s+set\s+(?:-[\w-]{1,32}\s+){0,4}(?:[^\s]{1,128}\s+){` +
			strconv.Itoa(k) + `}[A-Za-z_][\w.-]{0,127}=` + cmdValue, nil})
	}
	return ps
}

// pwdumpPatterns are a pwdump line's LM and NT hashes when the LM hash is
// not the empty one (user:rid:LM:NT:::, as Windows before Vista and
// NoLMHash=0 store it); they have no literal prefix and run around ":::".
var pwdumpPatterns = [...]string{
	`[^\s:]{1,64}:[0-9]{1,10}:([0-9a-fA-F]{32}):[0-9a-fA-F]{32}:::`,
	`[^\s:]{1,64}:[0-9]{1,10}:[0-9a-fA-F]{32}:([0-9a-fA-F]{32}):::`,
}
