package redact_test

import (
	"strings"
	"testing"
)

// TestAdminCommandPasswords: passwords set or piped by administrators'
// commands, SQL and configuration directives, each with other users, hosts,
// quoting and flags, bare and inside a JSON string, are redacted; the same
// commands without a password stay.
func TestAdminCommandPasswords(t *testing.T) {
	r := newRedactor(t, "0123456789abcdef")
	for _, v := range []string{"Zk29xLmq7Tt", "pa55-W0rd_x"} {
		for _, line := range []string{
			"SET PASSWORD FOR 'app'@'%' = '" + v + "';",
			"set password for reporting@localhost = PASSWORD('" + v + "')",
			`SET PASSWORD FOR "svc" = '` + v + `'`,
			`db.changeUserPassword("orders", "` + v + `")`,
			"db.changeUserPassword('reporting','" + v + "')",
			"echo '" + v + "' | sudo -S apt-get update",
			"echo " + v + " | sudo -k -S systemctl restart app",
			"rabbitmqctl add_user app " + v,
			"rabbitmqctl -n rabbit@mq1 change_password 'svc-orders' '" + v + "'",
			`{"command":["rabbitmqctl","add_user","app","` + v + `"]}`,
			`{"command":["rabbitmqctl", "-n", "rabbit@mq1", "change_password", "svc", "` + v + `"]}`,
			"curl --oauth2-bearer " + v + " https://api.example.com/v1",
			"curl -s --oauth2-bearer=\"" + v + "\" https://api.example.com/v1",
			"chpasswd <<< 'deploy:" + v + "'",
			"useradd -m -p $(openssl passwd -1 " + v + ") deploy",
			"openssl passwd -6 -salt x1Y2 '" + v + "'",
			"vault kv put secret/shop/stripe value=" + v,
			"vault kv patch -mount=kv app/db password_rotated_by=ops=1 pw=" + v,
			"user ops insecure-password " + v,
			"bindpw " + v,
			"rootpw \"" + v + "\"",
			"requirepass " + v,
			"CONFIG SET masterauth " + v,
			"spawn ssh admin@10.1.1.1\nexpect \"password:\"\nsend \"" + v + "\\r\"\ninteract",
			"expect -exact \"deploy@db2's Password: \"; send -- \"" + v + "\r\"",
			"expect {*assword*}\n  send {" + v + "\r}",
			"expect \"Enter passphrase for key '/root/.ssh/id_ed25519':\"\nsend \"" + v + "\n\"",
		} {
			requireScrubbed(t, r, v, line, `{"cmd":"`+strings.ReplaceAll(line, `"`, `\"`)+`"}`)
		}
	}
	requireUntouched(t, r, "SET PASSWORD policy to strong",
		`{"msg":"Failed password for root from 203.0.113.9 port 52144 ssh2","tags":"auth=sshd"}`,
		"Accepted password for deploy from 10.0.0.5 port 22 ssh2 session=42", "echo hello | sudo tee /etc/motd", "rabbitmqctl list_users",
		"vault kv get secret/shop/stripe", `{"msg":"curl --help"}`, "user ops password-hash-is-set",
		"expect \"login:\"\nsend \"admin\\r\"\nexpect \"$ \"\nsend \"uptime\\r\"")
}

// TestClientAuthPasswords: passwords given to HTTP clients and mailers by
// position, with other users, quotes and spacing, bare and JSON-escaped;
// the same calls with a variable, and an SMTP relay without a login, stay.
func TestClientAuthPasswords(t *testing.T) {
	r := newRedactor(t, "0123456789abcdef")
	for _, v := range []string{"Zk29xLmq7Tt", "q8#Lw!2vN0"} {
		for _, line := range []string{
			"requests.post(API, auth=('acme', '" + v + "'))",
			`r = requests.get(url, auth = ("svc-reporting", "` + v + `"), timeout=5)`,
			"session.auth = ['ci', '" + v + "']",
			"HTTPBasicAuth('admin', '" + v + "')",
			`aiohttp.BasicAuth("bot", "` + v + `")`,
			"[smtp.gmail.com]:587 alerts@acme.io:" + v,
			"[email-smtp.eu-west-1.amazonaws.com]:465 AKIA2EXAMPLEUSER:" + v,
		} {
			requireScrubbed(t, r, v, line, `{"script":"`+strings.NewReplacer(`"`, `\"`, "\n", `\n`).Replace(line)+`"}`)
		}
	}
	requireUntouched(t, r, "requests.get(url, auth=(user, password))", "relayhost = [smtp.acme.io]:587")
}
