package decode

import "strings"

// cloudTrailActions maps the AWS API calls that read or change a secret or
// a credential onto the catalogue, keyed "service:EventName".
var cloudTrailActions = map[string]string{
	"secretsmanager:GetSecretValue":       "secret.read",
	"secretsmanager:BatchGetSecretValue":  "secret.read",
	"secretsmanager:ListSecrets":          "secret.list",
	"secretsmanager:ListSecretVersionIds": "secret.list",
	"secretsmanager:CreateSecret":         "secret.create",
	"secretsmanager:PutSecretValue":       "secret.update",
	"secretsmanager:UpdateSecret":         "secret.update",
	"secretsmanager:RotateSecret":         "secret.update",
	"secretsmanager:DeleteSecret":         "secret.delete",
	"ssm:GetParameter":                    "secret.read",
	"ssm:GetParameters":                   "secret.read",
	"ssm:GetParametersByPath":             "secret.read",
	"ssm:PutParameter":                    "secret.update",
	"ssm:DeleteParameter":                 "secret.delete",
	"ssm:DeleteParameters":                "secret.delete",
	"ec2:GetPasswordData":                 "secret.read", // a Windows instance's administrator password
	"sts:AssumeRole":                      "token.create",
	"sts:AssumeRoleWithSAML":              "token.create",
	"sts:AssumeRoleWithWebIdentity":       "token.create",
	"sts:GetSessionToken":                 "token.create",
	"sts:GetFederationToken":              "token.create",
	"iam:CreateAccessKey":                 "token.create",
	"iam:DeleteAccessKey":                 "token.revoke",
	"iam:UpdateAccessKey":                 "token.update_status",
	"signin:ConsoleLogin":                 "auth.logon",
}

// cloudTrailAction maps an AWS API call (eventSource "secretsmanager.amazonaws.com"
// or "secretsmanager", eventName "GetSecretValue") to a catalogue action;
// ok is false for any other call, named IAM-style "<service>:<EventName>"
// ("s3:GetObject"), so that OCSF keeps its own operation name for those.
// AWS names its calls without spaces: one around eventName is dropped, so
// that "secret…" and " value" cannot join into "secret…: value".
func cloudTrailAction(eventSource, eventName string) (string, bool) {
	service, eventName := cloudTrailService(eventSource), strings.TrimSpace(eventName)
	if a, ok := cloudTrailActions[service+":"+eventName]; ok {
		return a, true
	}
	if service == "" {
		return eventName, false
	}
	return service + ":" + eventName, false
}

// cloudTrailService is the service of an eventSource: its host name without
// ".amazonaws.com", lower-cased.
func cloudTrailService(eventSource string) string {
	s := strings.ToLower(strings.TrimSpace(eventSource))
	s = strings.TrimSuffix(s, ".amazonaws.com.cn")
	return strings.TrimSuffix(s, ".amazonaws.com")
}
