package redact_test

import (
	"strings"
	"testing"
)

// cliShapes writes argv as events carry a command: a JSON field, a log
// line, a Kubernetes container's command array, JSON inside a string, and
// an auditd EXECVE record.
func cliShapes(argv ...string) []string {
	line := strings.Join(argv, " ")
	var arr, audit []string
	for i, a := range argv {
		arr = append(arr, `"`+a+`"`)
		audit = append(audit, " a"+string(rune('0'+i))+`="`+a+`"`)
	}
	return []string{
		`{"process":{"command_line":"` + line + `"}}`, "exec: " + line + " (exit 0)",
		`{"spec":{"containers":[{"command":[` + strings.Join(arr, ",") + `]}]}}`,
		`{"log":"{\"cmd\":\"` + line + `\"}"}`,
		`type=EXECVE msg=audit(1764700000.123:42): argc=` + string(rune('0'+len(argv))) + strings.Join(audit, ""),
	}
}

func TestCLIPasswords(t *testing.T) {
	r := newRedactor(t, "0123456789abcdef")
	for _, pw := range []string{"S3cr3tPassw0rd", "Tr0ub4dor&3", "x9!Zq$w"} {
		for _, argv := range [][]string{
			{"mysql", "-u", "root", "-p" + pw, "-h", "db.internal", "prod"},
			{"/usr/bin/mysqldump", "--single-transaction", "-p" + pw, "app"},
			{"mariadb", "-h", "db", "-p" + pw},
			{"sshpass", "-p", pw, "ssh", "deploy@10.0.0.5"},
			{"sshpass", "-p" + pw, "scp", "f", "h:/tmp"},
			{"redis-cli", "-h", "cache", "-a", pw, "ping"},
			{"ldapsearch", "-x", "-H", "ldap://dc1", "-D", "cn=admin,dc=corp", "-w", pw, "-b", "dc=corp"},
			{"docker", "login", "-u", "ci", "-p", pw, "registry.example.com"},
			{"podman", "login", "registry.example.com", "-p", pw, "-u", "ci"},
			{"helm", "registry", "login", "ghcr.io", "--username", "ci", "-p", pw},
			{"az", "login", "-u", "ops@corp.example", "-p", pw},
			{"sqlcmd", "-S", "db", "-U", "sa", "-P", pw},
			{"mongosh", "mongodb://db:27017/admin", "-u", "root", "-p", pw},
			{"smbclient", "//fs/share", "-U", "corp/bob%" + pw},
			{"rpcclient", "-U", "bob%" + pw, "10.0.0.9"},
		} {
			requireScrubbed(t, r, pw, cliShapes(argv...)...)
		}
	}
}

// TestCLIOrdinaryFlags: the same flags where they hold no password (a
// prompt, a port, another program) stay.
func TestCLIOrdinaryFlags(t *testing.T) {
	r := newRedactor(t, "0123456789abcdef")
	for _, argv := range [][]string{
		{"mysql", "-u", "root", "-p", "-h", "db", "-P", "3306"}, {"mysql", "-P3306", "-h", "db"},
		{"docker", "run", "-p", "8080:80", "nginx"}, {"ssh", "-p", "2222", "deploy@h"},
		{"redis-cli", "-h", "cache", "-p", "6379"}, {"ldapsearch", "-W", "-x", "-b", "dc=corp"},
		{"psql", "-h", "db", "-p", "5432", "-U", "app"}, {"sqlcmd", "-S", "db", "-E", "-p"},
		{"smbclient", "-N", "-L", "//fs"}, {"mongod", "--port", "27017", "-p", "x"},
	} {
		requireUntouched(t, r, cliShapes(argv...)...)
	}
}
