package redact_test

import "testing"

// TestMoreCommandLines: secrets given by position to rclone, vault's
// AppRole login, fly secrets set, ssh-keygen, unrar and curl, .pgpass lines
// and pwdump lines with an LM hash, plain, JSON-escaped and single-quoted.
func TestMoreCommandLines(t *testing.T) {
	r := newRedactor(t, "0123456789abcdef")
	cases := map[string][]string{
		"awERZXt6ZhzS2oHQ": {"rclone config create remote s3 provider AWS access_key_id AKIA6ON6E4XEABCDEFGH secret_access_key awERZXt6ZhzS2oHQ region us-east-1",
			"rclone config update r1 pass awERZXt6ZhzS2oHQ", `{"cmd":"rclone config create gd drive client_secret 'awERZXt6ZhzS2oHQ' scope drive"}`},
		"e942c7eb-d998": {"vault write auth/approle/login role_id=0e0861ee secret_id=e942c7eb-d998",
			`{"commands":["vault write -format=json auth/approle/login role_id=\"r1\" secret_id=\"e942c7eb-d998\""]}`},
		"Fsa1ztH7TKpL9uov": {"fly secrets set LOG_LEVEL=info STRIPE_WEBHOOK=Fsa1ztH7TKpL9uov -a api",
			"flyctl secrets set -a api A=1 B=2 C=3 D='Fsa1ztH7TKpL9uov'", "gh secrets set X=1 Y=Fsa1ztH7TKpL9uov"},
		"SkrsxmNhYda7nkpN": {"ssh-keygen -t ed25519 -N 'SkrsxmNhYda7nkpN' -f /root/.ssh/id", "ssh-keygen -p -P SkrsxmNhYda7nkpN -N x -f k",
			`{"cmd":"ssh-keygen -q -N \"SkrsxmNhYda7nkpN\" -f k"}`},
		"Ur6wuwyF6B1DtuBq": {"unrar x -pUr6wuwyF6B1DtuBq backup.rar /tmp", `{"c":"unrar e -o+ -p'Ur6wuwyF6B1DtuBq' a.rar"}`},
		"CbkG42gigLhNIBFV": {"curl -b 'sessionid=CbkG42gigLhNIBFV' https://app.example.com/admin",
			`curl -s --cookie "sid=CbkG42gigLhNIBFV; lang=en" https://x`},
		"PgKx5UCJRwieqj2q": {"echo 'db.internal:5432:app:appuser:PgKx5UCJRwieqj2q' >> ~/.pgpass",
			`{"c":"echo \"*:*:*:postgres:PgKx5UCJRwieqj2q\" > /root/.pgpass"}`},
		"e52cac67419a9a224a3b108f3fa6cb6d": {"Administrator:500:e52cac67419a9a224a3b108f3fa6cb6d:8846f7eaee8fb117ad06bdd830b7586c:::"},
		"8846f7eaee8fb117ad06bdd830b7586c": {"Administrator:500:e52cac67419a9a224a3b108f3fa6cb6d:8846f7eaee8fb117ad06bdd830b7586c:::",
			`{"out":"Guest:501:E52CAC67419A9A224A3B108F3FA6CB6D:8846f7eaee8fb117ad06bdd830b7586c:::\nx"}`},
	}
	for v, ins := range cases {
		requireScrubbed(t, r, v, ins...)
	}
}

// TestMoreCommandLookAlikes: the same programs without a secret stay.
func TestMoreCommandLookAlikes(t *testing.T) {
	r := newRedactor(t, "0123456789abcdef")
	requireUntouched(t, r, "rclone config create remote s3 provider AWS region us-east-1 env_auth true",
		"vault write auth/approle/role/app token_ttl=1h secret_id_ttl=10m", `{"secret_id":"sec_77","role":"app"}`,
		"fly secrets list -a api", "ssh-keygen -t ed25519 -f /root/.ssh/id -C alice@laptop", "unrar x backup.rar /tmp",
		"curl -s -o out.json https://example.com", "echo 'db.internal:5432' >> hosts.txt",
		"fe80::1:::", "a:b:c:::")
}
