package decode_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// ocsfDeniedSecretRead is the panther-analysis AWS.SecretsManager.
// RetrieveSecrets test record (testdata/decode/cloudtrail/panther_analysis_
// getsecretvalue_denied_sso.json) as the OCSF project's CloudTrail mapping
// writes it (ocsf/examples mappings/markdown/AWS/v1.1.0/CloudTrail/API
// Activity: errorCode → api.response.error and status, errorMessage →
// api.response.message), trimmed.
const ocsfDeniedSecretRead = `{"class_uid":6003,"activity_id":2,"activity_name":"Read","category_uid":6,
"actor":{"user":{"account":{"uid":"123123123123"},"credential_uid":"ASIASXP6SDP2LKLKYYC4","type":"AssumedRole",
"uid":"arn:aws:sts::123123123123:assumed-role/AWSReservedSSO_DevAdmin_635426549a280cc6/evil.genius",
"uid_alt":"AROASXP6SDP2F4WLQVARB:evil.genius"},"session":{"created_time_dt":"2024-10-17T21:48:13Z","is_mfa":false,
"issuer":"arn:aws:iam::123123123123:role/aws-reserved/sso.amazonaws.com/us-west-2/AWSReservedSSO_DevAdmin_635426549a280cc6"}},
"api":{"operation":"GetSecretValue","request":{"uid":"5128b35f-0daf-4c5e-948a-21a1c507968c"},
"response":{"error":"AccessDenied","message":"User: arn:aws:sts::123123123123:assumed-role/AWSReservedSSO_DevAdmin_635426549a280cc6/evil.genius is not authorized to perform: secretsmanager:GetSecretValue"},
"service":{"name":"secretsmanager.amazonaws.com"}},
"cloud":{"account":{"uid":"123123123123"},"provider":"AWS","region":"us-west-2"},
"http_request":{"user_agent":"aws-sdk-go/1.44.157 (go1.19.3; darwin; arm64)"},
"metadata":{"event_code":"AwsApiCall","product":{"name":"CloudTrail","vendor_name":"AWS","version":"1.09"},
"uid":"dfd6d93a-2ce6-4dbe-8939-86b8ba67c868","version":"1.1.0"},
"src_endpoint":{"ip":"123.123.123.123"},"status":"Failure","status_id":2,
"time":1729201725000,"time_dt":"2024-10-17T21:48:45Z","type_uid":600302}`

// TestOCSFAccessDeniedIsDenied: a call the vendor refused for want of
// permission (api.response.error AccessDenied, Client.UnauthorizedOperation
// …) is denied, as the same CloudTrail record is; other errors stay failures.
func TestOCSFAccessDeniedIsDenied(t *testing.T) {
	cases := []struct {
		name, from, to, want string
	}{
		{"access denied", "", "", "denied"},
		{"another caller, place and time", "123.123.123.123", "198.51.100.20", "denied"},
		{"ec2 unauthorized", `"error":"AccessDenied"`, `"error":"Client.UnauthorizedOperation"`, "denied"},
		{"without status_id", `"status_id":2,`, ``, "denied"},
		{"another error", `"error":"AccessDenied"`, `"error":"ResourceNotFoundException"`, "failure"},
		{"no error", `"error":"AccessDenied",`, ``, "failure"},
		{"success", `"status":"Failure","status_id":2`, `"status":"Success","status_id":1`, "success"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			msg := ocsfDeniedSecretRead
			if c.from != "" {
				msg = strings.Replace(msg, c.from, c.to, 1)
			}
			if c.name == "another caller, place and time" {
				msg = strings.NewReplacer("evil.genius", "other.person", "1729201725000", "1729301725000",
					"2024-10-17T21:48:45Z", "2024-10-19T01:35:25Z").Replace(msg)
			}
			ev, err := decodeWith(t, "t", []byte(msg))
			require.NoError(t, err)
			require.Equal(t, c.want, ev.Outcome)
			require.Equal(t, "secret.read", ev.Action)
			require.Equal(t, "123123123123", ev.Tenant)
		})
	}
}
