package redact_test

import "testing"

// TestDumpedHashes: what credential-dumping and roasting tools print (pwdump
// lines from secretsdump or hashdump, Kerberos TGS and AS-REP hashes,
// Responder's NetNTLMv2 captures) are credentials: each replays as a login.
func TestDumpedHashes(t *testing.T) {
	r := newRedactor(t, "0123456789abcdef")
	const nt = "31d6cfe0d16ae931b73c59d7e0c089c1"
	for _, line := range []string{
		`Administrator:500:aad3b435b51404eeaad3b435b51404ee:` + nt + `:::`,
		`CORP.LOCAL\svc_sql:1104:aad3b435b51404eeaad3b435b51404ee:` + nt + `:::`,
		`krbtgt:502:AAD3B435B51404EEAAD3B435B51404EE:` + upper(nt) + `:::`,
		`[*] Dumping Domain Credentials\nWS01$:1105:aad3b435b51404eeaad3b435b51404ee:` + nt + `:::\nGuest:501:x`,
	} {
		requireScrubbed(t, r, nt[4:], commandShapes(line)...)
	}
	const roast = "a1b2c3d4e5f60718293a4b5c6d7e8f90"
	for _, line := range []string{
		`$krb5tgs$23$*svc_sql$CORP.LOCAL$MSSQLSvc/db01.corp.local~1433*$` + roast + `$9f8e7d6c5b4a39281706f5e4d3c2b1a0`,
		`$krb5asrep$23$bob@CORP.LOCAL:` + roast + `$0011223344556677`,
		`$krb5tgs$18$svc_web$CORP.LOCAL$*http/web01*$` + roast + `$ab`,
		`[SMB] NTLMv2-SSP Hash     : alice::CORP:1122334455667788:` + roast + `:0101000000000000c0653150de09d201`,
		`bob::WS01:aabbccddeeff0011:` + roast + `:01010000000000000000`,
	} {
		requireScrubbed(t, r, roast[4:], commandShapes(line)...)
	}
	requireUntouched(t, r, commandShapes(`user bob:1001:1001:Bob:/home/bob:/bin/bash`)...)
	requireUntouched(t, r, commandShapes(`GetUserSPNs.py corp.local/svc -request -outputfile hashes.kerberoast`)...)
}

// TestFTPPassword: an FTP session's PASS command as clients, proxies and
// packet logs print it.
func TestFTPPassword(t *testing.T) {
	r := newRedactor(t, "0123456789abcdef")
	for _, pw := range []string{"S3cr3tPw1", "hunter2!x"} {
		requireScrubbed(t, r, pw, commandShapes("> USER anonymous\n> PASS "+pw+"\n< 230 Login successful")...)
		requireScrubbed(t, r, pw, commandShapes(`FTP command: Client "10.0.0.5", "PASS `+pw+`"`)...)
		requireScrubbed(t, r, pw, `{"ftp":{"command":"PASS","arg":"x"},"payload":"USER bob\r\nPASS `+pw+`\r\n"}`)
	}
	requireUntouched(t, r, commandShapes("--- PASS: TestLogin (0.00s)\nPASS\nok  \tpkg\t0.1s")...)
	requireUntouched(t, r, commandShapes("PASS: 12 FAIL: 0")...)
}

// TestPythonStrings: Python 2's u'…' and bytes' b'…' literals, as repr
// prints a dict.
func TestPythonStrings(t *testing.T) {
	r := newRedactor(t, "0123456789abcdef")
	for _, in := range []string{
		`{u'password': u'S3cr3tPw1', u'user': u'bob'}`, `{'api_key': b'S3cr3tPw1'}`,
		`kwargs={u'user': u'bob', u'client_secret': u'S3cr3tPw1'}`, `{"msg":"{u'token': u'S3cr3tPw1'}"}`,
	} {
		requireScrubbed(t, r, "S3cr3tPw1", in)
	}
	requireUntouched(t, r, `{u'user': u'bob', u'token_type': u'bearer'}`)
}

// TestSecretSetters: commands that store a secret under a name given before
// it (vault login, npm/yarn config set, gh secret set, user-secrets).
func TestSecretSetters(t *testing.T) {
	r := newRedactor(t, "0123456789abcdef")
	const v = "Zx9sessVal42abc"
	for _, line := range []string{
		`vault login ` + v, `vault login -no-print ` + v, `VAULT_ADDR=https://v:8200 vault login -method=token ` + v,
		`npm config set _authToken ` + v, `yarn config set npmAuthToken ` + v, `pnpm config set //registry.npmjs.org/:_authToken ` + v,
		`gh secret set DEPLOY_TOKEN --body ` + v, `gh secret set API_KEY -b"` + v + `" --repo o/r`,
		`dotnet user-secrets set "Db:Password" "` + v + `"`, `git config --global github.token ` + v,
	} {
		requireScrubbed(t, r, v, commandShapes(line)...)
	}
	requireUntouched(t, r, commandShapes(`vault login -method=oidc role=dev`)...)
	requireUntouched(t, r, commandShapes(`vault login failed for bob; Vault login succeeded.`)...)
	requireUntouched(t, r, commandShapes(`npm config set registry https://registry.npmjs.org/`)...)
	requireUntouched(t, r, commandShapes(`gh secret set DEPLOY_TOKEN < token.txt`)...)
}

// TestTokenAsURLUser: a token given as a URL's user, without a password
// (https://<token>@github.com/org/repo.git, as CI clones write it).
func TestTokenAsURLUser(t *testing.T) {
	r := newRedactor(t, "0123456789abcdef")
	for _, tok := range []string{"4f2a9c0b7e1d3a5f6b8c9d0e1f2a3b4c5d6e7f80", "x9Kq2LmN8pR4sT6vW0yZ3aB5"} {
		requireScrubbed(t, r, tok, commandShapes("git clone https://"+tok+"@github.com/org/repo.git")...)
		requireScrubbed(t, r, tok, `{"url":"https://`+tok+`@gitlab.example.com/g/p.git"}`)
	}
	requireUntouched(t, r, commandShapes("git clone https://git@github.com/org/repo.git; ssh://deploy@host; https://john.smith@example.com")...)
	requireUntouched(t, r, commandShapes("npm i https://registry.npmjs.org/@babel/core/-/core-7.0.0.tgz")...)
}

// TestCredentialNames: a field named credential (singular) holds one.
func TestCredentialNames(t *testing.T) {
	r := newRedactor(t, "0123456789abcdef")
	requireScrubbed(t, r, "S3cr3tPw1", `{"credential":"S3cr3tPw1"}`, `{"smtp":{"Credential":"S3cr3tPw1"}}`, `DB_CREDENTIAL=S3cr3tPw1`)
	requireUntouched(t, r, `{"credential_id":"c1","credentialType":"password","credential":{"id":"c1"}}`,
		`{"serviceEventDetails":{"CredentialChallenge":"Success"},"credential_source":"Ec2InstanceMetadata","CredentialProvider":"sso"}`,
		`{"additionalEventData.CredentialType":"PASSWORD","serviceEventDetails.CredentialChallenge":"Success"}`)
}

func upper(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'a' <= c && c <= 'z' {
			b[i] = c - 'a' + 'A'
		}
	}
	return string(b)
}

// TestSetterLookalikes: config commands whose names only mention a secret's
// word, and whose values are not secrets, stay.
func TestSetterLookalikes(t *testing.T) {
	r := newRedactor(t, "0123456789abcdef")
	for _, line := range []string{
		`git config --global credential.helper store`, `git config --global credential.https://github.com.username bob`,
		`kubectl config set-credentials bob --exec-command=aws`, `npm config set registry https://npm.example.com/`,
	} {
		requireUntouched(t, r, commandShapes(line)...)
	}
}

// TestShortQueryCredentials: query parameters whose short names are
// credentials only in a URL's query (Firebase's ?auth=, ?sid=, ?pw=,
// ?session_id=, API keys as ?access_key=); the same names elsewhere stay.
func TestShortQueryCredentials(t *testing.T) {
	r := newRedactor(t, "0123456789abcdef")
	const v = "Zx9sessVal42abc"
	for _, p := range []string{"auth", "sid", "pw", "session_id", "sessid", "access_key", "AUTH"} {
		for _, u := range queryURLs(p, v) {
			requireScrubbed(t, r, v, queryShapes(u)...)
		}
	}
	requireUntouched(t, r, `{"url":"https://blog.example.com/p?author=bob&sidebar=1&pwa=1&auth_method=sso"}`,
		`{"session_id":"3f6c2a9e","sid":"S-1-5-21","auth":"oidc"}`)
}

// TestArchiveAndFilePasswords: passwords given to archivers, openssl, htpasswd,
// a .netrc line and an echo piped into a registry login.
func TestArchiveAndFilePasswords(t *testing.T) {
	r := newRedactor(t, "0123456789abcdef")
	for _, pw := range []string{"S3cr3tPw1", "Zq9_xx-77"} {
		for _, line := range []string{
			`zip -r -P ` + pw + ` out.zip dir`, `unzip -o -P ` + pw + ` a.zip -d /tmp`, `7z a -p` + pw + ` -mhe=on out.7z f`,
			`7za x -p` + pw + ` a.7z`, `openssl enc -aes-256-cbc -salt -k ` + pw + ` -in a -out a.enc`,
			`htpasswd -b /etc/nginx/.htpasswd bob ` + pw, `htpasswd -bc .htpasswd alice ` + pw + ` && nginx -s reload`,
			`htpasswd -nb bob ` + pw + ` > creds`, `htpasswd -bnB bob ` + pw,
			`machine github.com login bob password ` + pw, `machine api.heroku.com\n  login bob@example.com\n  password ` + pw,
			`echo ` + pw + ` | docker login -u bob --password-stdin ghcr.io`,
			`echo "` + pw + `" | helm registry login r.example.com --username bob --password-stdin`,
		} {
			requireScrubbed(t, r, pw, commandShapes(line)...)
		}
	}
	for _, line := range []string{
		`zip -r out.zip dir -x "*.tmp"`, `gzip -9 file`, `7z l a.7z`, `openssl req -new -key k.pem`,
		`htpasswd -D .htpasswd bob`, `machine learning pipeline ran`, `echo done | tee log`,
	} {
		requireUntouched(t, r, commandShapes(line)...)
	}
}
