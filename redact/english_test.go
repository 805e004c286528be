package redact_test

import "testing"

// moreSecretNames hold secrets though no common secret word ends them.
var moreSecretNames = []string{
	"pw", "PW", "db_pw", "DB_PW", "dbPw", "pwd", "tokens", "api_token_value", "apiTokenValue", "db_creds", "DB_CREDS",
	"AWS_CREDS", "pin_code", "PIN_CODE", "pinCode", "REDIS_AUTH", "ARTIFACTORY_AUTH", "proxy-auth", "SONAR_LOGIN",
	"SENDGRID_KEY", "JWT_KEY", "APP_KEY", "STRIPE_KEY", "MAILGUN_KEYS", "client-key-data", "auth",
}

// TestMoreSecretNames: each name's value is redacted in fields, env pairs
// and assignments.
func TestMoreSecretNames(t *testing.T) {
	r := newRedactor(t, "0123456789abcdef")
	const v = "Hunter2-v4lue"
	for _, name := range moreSecretNames {
		ins := append(fieldShapes(name, v), jsonf(`{"env":[{"name":%q,"value":%q}]}`, name, v),
			`{"cfg":"{\"`+name+`\": \"`+v+`\"}"}`)
		if name != "auth" {
			ins = append(ins, name+"="+v, "export "+name+"='"+v+"' && ./run", "data:\n  "+name+": "+v+"\n")
		}
		requireScrubbed(t, r, v, ins...)
	}
	requireScrubbed(t, r, "MoV5HuNc", `db.createUser({user:"app",pwd:"MoV5HuNc",roles:["readWrite"]})`,
		`{"cmd":"db.createUser({user:'app',pwd:'MoV5HuNc'})"}`)
	requireScrubbed(t, r, "PcJjrmdx9", "auth failed user=alice password:PcJjrmdx9 from 10.0.0.9", `{"m":"db_password:PcJjrmdx9"}`)
	requireScrubbed(t, r, "Y2k6RGF6ZVpH", `{"auths":{"ghcr.io":{"auth":"Y2k6RGF6ZVpH"}}}`, `{"d":"{\"auths\":{\"r\":{\"auth\":\"Y2k6RGF6ZVpH\"}}}"}`)
}

// TestMoreSecretLookAlikes: keys that locate or are public, settings of
// weak names, scopes and URLs stay.
func TestMoreSecretLookAlikes(t *testing.T) {
	r := newRedactor(t, "0123456789abcdef")
	requireUntouched(t, r,
		`{"primary_key":"id","sort_key":"2026","partition_key":"t#1","key_id":"k-1","public_key":"ssh-ed25519 AAAA","kms_key":"alias/x","KeyName":"prod"}`,
		"PRIMARY_KEY=id SORT_KEY=ts PARTITION_KEY=tenant PUBLIC_KEY=abc KMS_KEY=alias/x ROUTING_KEY=orders RECAPTCHA_SITE_KEY=6Lc STRIPE_PUBLISHABLE_KEY=pk_live",
		`{"auth":"basic","auth":"none","oauth":"google-oauth2","author":"alice","REDIS_AUTH":"true","two_factor_auth":"enabled"}`,
		"OAUTH=enabled authored=3 pwned=no tokens_used=1024 max_tokens=512",
		`{"scopes":"secrets:read password:reset tokens:write"}`, "see https://docs.example.com/reset-password:steps",
		`{"pin_count":3,"creds_count":"2","pw_length":"12","tokens_used":"5","dbPwLength":"8"}`)
}
