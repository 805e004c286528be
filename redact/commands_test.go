package redact_test

import (
	"strings"
	"testing"
)

// commandShapes put a command line where events carry one: a JSON field,
// Sysmon's CommandLine (backslashes escaped), a log line, and JSON in a
// string.
func commandShapes(line string) []string {
	esc := strings.ReplaceAll(strings.ReplaceAll(line, `\`, `\\`), `"`, `\"`)
	return []string{`{"process":{"command_line":"` + esc + `"}}`, `{"EventID":1,"CommandLine":"` + esc + `"}`,
		"exec: " + line, `{"log":"{\"cmd\":\"` + strings.ReplaceAll(esc, `\`, `\\`) + `\"}"}`}
}

// TestCommandPasswords: credentials that attack tooling, Windows commands,
// scripts and SQL give by position or by their own syntax.
func TestCommandPasswords(t *testing.T) {
	r := newRedactor(t, "0123456789abcdef")
	for _, pw := range []string{"P@ssw0rd!x", "S3cr3tPw1", "Zq9_xx-77"} {
		for _, line := range []string{
			`$p = ConvertTo-SecureString "` + pw + `" -AsPlainText -Force`,
			`ConvertTo-SecureString -String '` + pw + `' -AsPlainText -Force`,
			`ConvertTo-SecureString -AsPlainText -Force -String "` + pw + `"`,
			`python3 secretsdump.py CORP.LOCAL/administrator:` + pw + `@dc01.corp.local`,
			`impacket-psexec 'corp/admin:` + pw + `@10.0.0.5' cmd.exe`, `GetUserSPNs.py -request corp.local/svc_sql:` + pw + `@10.1.1.1`,
			`wmic /node:10.0.0.5 /user:CORP\admin /password:` + pw + ` process call create "cmd.exe"`,
			`cmdkey /generic:TERMSRV/host /user:admin /pass:` + pw, `Rubeus.exe asktgt /user:bob /password:"` + pw + `"`,
			`net user hacker ` + pw + ` /add`, `C:\Windows\system32\net1.exe use \\10.0.0.5\C$ ` + pw + ` /user:CORP\admin`,
			`NET USE Z: \\fs01\share ` + pw + ` /USER:corp\bob /PERSISTENT:NO`,
			`sqlplus system/` + pw + `@//db:1521/ORCL`, `sqlldr userid=scott/` + pw + `@orcl control=x.ctl`,
			`CREATE ROLE app LOGIN PASSWORD '` + pw + `';`, `ALTER USER app WITH ENCRYPTED PASSWORD '` + pw + `'`,
			`ALTER USER 'app'@'%' IDENTIFIED WITH mysql_native_password BY '` + pw + `'`,
			`SET PASSWORD FOR 'bob'@'localhost' = PASSWORD('` + pw + `')`,
			`keytool -genkey -alias x -keypass ` + pw + ` -keystore k.jks`, `openssl pkcs12 -export -passout pass:` + pw + ` -out x.p12`,
			`java -jar app.jar -password ` + pw + ` -port 8080`, `keytool -list -keystore k.jks -storepass ` + pw,
			`rotate key tool --password ` + pw, // a run of words naming a key before the flag `x.exe --secret-key ` + pw + ` --region us-east-1`,
		} {
			requireScrubbed(t, r, pw, commandShapes(line)...)
		}
	}
	const nt = "8846f7eaee8fb117ad06bdd830b7586c"
	for _, line := range []string{
		`wmiexec.py -hashes aad3b435b51404eeaad3b435b51404ee:` + nt + ` corp/admin@10.0.0.5`,
		`psexec.py -hashes :` + nt + ` admin@10.0.0.5`, `mimikatz "sekurlsa::pth /user:admin /domain:corp /ntlm:` + nt + `"`,
		`Rubeus.exe asktgt /user:bob /rc4:` + nt + ` /ptt`,
	} {
		requireScrubbed(t, r, nt, commandShapes(line)...)
	}
	requireScrubbed(t, r, "wJalrXUtnFEMIK7MDENGbPxRfiCYEXAMPLEKEY",
		commandShapes("aws configure set aws_secret_access_key wJalrXUtnFEMIK7MDENGbPxRfiCYEXAMPLEKEY --profile prod")...)
	requireScrubbed(t, r, "S3cr3tPw1", `type=EXECVE msg=audit(1700000000.123:456): argc=3 a0="app" a1="--password" a2="S3cr3tPw1"`,
		`{"args":["-password","S3cr3tPw1"]}`, `{"cmd":"jdbc:oracle:thin:scott/S3cr3tPw1@db.example.com:1521/ORCL"}`)
}

// TestOrdinaryCommands: the same programs and words where they hold no
// credential stay.
func TestOrdinaryCommands(t *testing.T) {
	r := newRedactor(t, "0123456789abcdef")
	for _, line := range []string{
		`net user bob /domain`, `net user`, `net use`, `net use Z: /delete`, `internet user guide and network use`,
		`ls -la -port 22 -name x`, `tar -xzf pass.tgz -C /tmp`, `secretsdump.py -system SYSTEM -ntds ntds.dit LOCAL`,
		`ConvertTo-SecureString $plain -AsPlainText -Force`, `SELECT password_last_changed FROM mysql.user`,
		`wmic /node:10.0.0.5 /user:CORP\admin process list`,
	} {
		requireUntouched(t, r, commandShapes(line)...)
	}
}

// TestXMLSecrets: a secret-named element's text (SOAP, unattend.xml) and a
// key or name attribute's value attribute (web.config, Spring).
func TestXMLSecrets(t *testing.T) {
	r := newRedactor(t, "0123456789abcdef")
	for _, in := range []string{
		`<soap:Body><Login><Username>a</Username><Password>S3cr3tPw1</Password></Login></soap:Body>`,
		`<soap:Body><Login><soap:Password>S3cr3tPw1</soap:Password></Login></soap:Body>`,
		`<AutoLogon><Password><Value>S3cr3tPw1</Value><PlainText>true</PlainText></Password></AutoLogon>`,
		`<AdministratorPassword><Value>S3cr3tPw1</Value></AdministratorPassword>`,
		`<add key="DbPassword" value="S3cr3tPw1" />`, `<property name='password' value='S3cr3tPw1'/>`,
		`<appSettings><add key="ApiKey" value="S3cr3tPw1"/></appSettings>`,
	} {
		requireScrubbed(t, r, "S3cr3tPw1", in, `{"body":"`+strings.ReplaceAll(in, `"`, `\"`)+`"}`)
	}
	requireUntouched(t, r, `<add key="PasswordPolicy" value="strict"/><PasswordLastSet>2026</PasswordLastSet><Username>a</Username>`)
}

// TestEnvironmentAndServiceSecrets: secrets set by position or by a
// program's own command (setx, SetEnvironmentVariable, indexed assignment,
// GitHub's add-mask, redis, chpasswd).
func TestEnvironmentAndServiceSecrets(t *testing.T) {
	r := newRedactor(t, "0123456789abcdef")
	for _, pw := range []string{"S3cr3tPw1", "P@ss-w0rd_9"} {
		for _, line := range []string{
			`setx AWS_SECRET_ACCESS_KEY ` + pw + ` /M`, `setx DB_PASSWORD "` + pw + `"`,
			`[Environment]::SetEnvironmentVariable("DB_PASSWORD", "` + pw + `", "Machine")`,
			`os.environ["DB_PASSWORD"] = "` + pw + `"`, `$_ENV['API_TOKEN'] = '` + pw + `';`, `config[:password] = "` + pw + `"`,
			`::add-mask::` + pw, `redis-cli CONFIG SET requirepass ` + pw, `masterauth ` + pw,
			`echo 'root:` + pw + `' | chpasswd`, `echo "deploy:` + pw + `" | sudo chpasswd`,
		} {
			requireScrubbed(t, r, pw, commandShapes(line)...)
		}
		requireScrubbed(t, r, pw, `1700000000.123456 [0 10.0.0.5:51234] "AUTH" "`+pw+`"`, `{"passcode":"`+pw+`"}`)
	}
	requireUntouched(t, r, commandShapes(`echo hello world | tee out.txt`)...)
	requireUntouched(t, r, commandShapes(`setx PATH "%PATH%;C:\tools"`)...)
}
