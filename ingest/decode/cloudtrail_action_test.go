package decode

import "testing"

// TestCloudTrailAction: the catalogue calls, with eventSource as CloudTrail
// writes it or as OCSF's api.service.name carries it, and the IAM-style
// name of every other call (ok false, so OCSF keeps its own operation).
func TestCloudTrailAction(t *testing.T) {
	cases := []struct {
		source, name, action string
		ok                   bool
	}{
		{"secretsmanager.amazonaws.com", "GetSecretValue", "secret.read", true},
		{"secretsmanager", "GetSecretValue", "secret.read", true},
		{"SecretsManager.amazonaws.com", "BatchGetSecretValue", "secret.read", true},
		{"secretsmanager.amazonaws.com", "ListSecrets", "secret.list", true},
		{"secretsmanager.amazonaws.com", "ListSecretVersionIds", "secret.list", true},
		{"secretsmanager.amazonaws.com", "CreateSecret", "secret.create", true},
		{"secretsmanager.amazonaws.com", "PutSecretValue", "secret.update", true},
		{"secretsmanager.amazonaws.com", "UpdateSecret", "secret.update", true},
		{"secretsmanager.amazonaws.com", "RotateSecret", "secret.update", true},
		{"secretsmanager.amazonaws.com", "DeleteSecret", "secret.delete", true},
		{"secretsmanager.amazonaws.com", "DescribeSecret", "secretsmanager:DescribeSecret", false},
		{"ssm.amazonaws.com", "GetParameter", "secret.read", true},
		{"ssm", "GetParameters", "secret.read", true},
		{"ssm.amazonaws.com", "GetParametersByPath", "secret.read", true},
		{"ssm.amazonaws.com", "PutParameter", "secret.update", true},
		{"ssm.amazonaws.com", "DeleteParameter", "secret.delete", true},
		{"ssm.amazonaws.com", "DeleteParameters", "secret.delete", true},
		{"ssm.amazonaws.com", "SendCommand", "ssm:SendCommand", false},
		{"ec2.amazonaws.com", "GetPasswordData", "secret.read", true},
		{"ec2.amazonaws.com", "DescribeInstances", "ec2:DescribeInstances", false},
		{"sts.amazonaws.com", "AssumeRole", "token.create", true},
		{"sts.amazonaws.com", "AssumeRoleWithSAML", "token.create", true},
		{"sts.amazonaws.com", "AssumeRoleWithWebIdentity", "token.create", true},
		{"sts.amazonaws.com", "GetSessionToken", "token.create", true},
		{"sts.amazonaws.com", "GetFederationToken", "token.create", true},
		{"sts.amazonaws.com", "GetCallerIdentity", "sts:GetCallerIdentity", false},
		{"iam.amazonaws.com", "CreateAccessKey", "token.create", true},
		{"iam.amazonaws.com", "DeleteAccessKey", "token.revoke", true},
		{"iam.amazonaws.com", "UpdateAccessKey", "token.update_status", true},
		{"iam.amazonaws.com", "CreateUser", "iam:CreateUser", false},
		{"signin.amazonaws.com", "ConsoleLogin", "auth.logon", true},
		{"s3.amazonaws.com", "GetObject", "s3:GetObject", false},
		{"s3.amazonaws.com.cn", "GetObject", "s3:GetObject", false},
		{"", "GetObject", "GetObject", false},
		{"secretsmanager.amazonaws.com", " GetSecretValue\n", "secret.read", true},
		{"seCret00000000", " 0000000000000", "secret00000000:0000000000000", false},
		{"password", "\t hunter2", "password:hunter2", false},
		{"api_key.amazonaws.com", "\r\nabc def ", "api_key:abc def", false},
		{"", "  GetObject  ", "GetObject", false},
	}
	for _, c := range cases {
		action, ok := cloudTrailAction(c.source, c.name)
		if action != c.action || ok != c.ok {
			t.Errorf("cloudTrailAction(%q, %q) = %q, %v; want %q, %v", c.source, c.name, action, ok, c.action, c.ok)
		}
	}
}

func TestSecretName(t *testing.T) {
	cases := map[string]string{
		"arn:aws:secretsmanager:us-east-1:1:secret:prod/db-AbCdEf": "prod/db",
		"arn:aws:secretsmanager:us-east-1:1:secret:short":          "short",
		"arn:aws:ssm:us-east-1:1:parameter/prod/db/password":       "/prod/db/password",
		"prod/db":                  "prod/db",
		"arn:aws:iam::1:role/Role": "arn:aws:iam::1:role/Role",
	}
	for id, want := range cases {
		if got := secretName(id); got != want {
			t.Errorf("secretName(%q) = %q, want %q", id, got, want)
		}
	}
}
