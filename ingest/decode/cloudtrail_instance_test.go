package decode_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/event"
	"github.com/credwatch/credwatch/ingest/decode"
)

// TestCloudTrailInstanceCredentials: a role session an EC2 instance's
// metadata service delivered names its instance (long or short ids, with
// or without the delivery field), and nothing else does; a call from a
// private address (a VPC endpoint's) is internal.
func TestCloudTrailInstanceCredentials(t *testing.T) {
	session := func(typ, arn, delivery string) string {
		ctx := `{"sessionIssuer":{"type":"Role","arn":"arn:aws:iam::123456789012:role/app"}` + delivery + `}`
		return `,"userIdentity":{"type":"` + typ + `","arn":"` + arn + `","accountId":"123456789012","accessKeyId":"ASIAEXAMPLE","sessionContext":` + ctx + `}`
	}
	instance := func(want, delivery string) func(t *testing.T, ev event.Event) {
		return func(t *testing.T, ev event.Event) {
			require.Equal(t, want, ev.Attrs["aws.ec2_instance"])
			require.Equal(t, delivery, ev.Attrs["aws.ec2_role_delivery"])
		}
	}
	role := "arn:aws:sts::123456789012:assumed-role/app/"
	runFieldCases(t, ctRecord, []fieldCase{
		{"long id, IMDSv2", session("AssumedRole", role+"i-0abc123def4567890", `,"ec2RoleDelivery":"2.0"`), instance("i-0abc123def4567890", "2.0"), nil},
		{"short id, IMDSv1", session("AssumedRole", role+"i-1a2b3c4d", `,"ec2RoleDelivery":"1.0"`), instance("i-1a2b3c4d", "1.0"), nil},
		{"id without the delivery field", session("AssumedRole", role+"i-0fedcba9876543210", ``), instance("i-0fedcba9876543210", ""), nil},
		{"delivered under another session name", session("AssumedRole", role+"web-7", `,"ec2RoleDelivery":"2.0"`), instance("web-7", "2.0"), nil},
		{"a Lambda function's session", session("AssumedRole", role+"payments-handler", ``), instance("", ""), nil},
		{"not an instance id", session("AssumedRole", role+"i-0ABC123DEF4567890", ``), instance("", ""), nil},
		{"an IAM user named like one", `,"userIdentity":{"type":"IAMUser","arn":"arn:aws:iam::123456789012:user/i-0abc123def4567890","accessKeyId":"AKIAEXAMPLE"}`, instance("", ""), nil},
		{"private address", `,"sourceIPAddress":"10.2.3.4"`, func(t *testing.T, ev event.Event) {
			require.True(t, ev.Source.Internal)
			require.Equal(t, "10.2.3.4", ev.Source.IP)
		}, nil},
		{"public address", `,"sourceIPAddress":"198.51.100.7"`, func(t *testing.T, ev event.Event) {
			require.False(t, ev.Source.Internal)
		}, nil},
	})
}

// TestCloudTrailPasswordData: EC2's GetPasswordData reads a Windows
// instance's administrator password: a secret read named by its instance,
// refused or not found as often as not when a stolen key sweeps for them.
func TestCloudTrailPasswordData(t *testing.T) {
	d := newDecoder(t)
	for _, c := range []struct{ extra, outcome string }{
		{``, "success"},
		{`,"errorCode":"Client.UnauthorizedOperation"`, "denied"},
		{`,"errorCode":"Client.InvalidInstanceID.NotFound"`, "failure"},
	} {
		msg := withFields(ctRecord(`,"eventSource":"ec2.amazonaws.com","eventName":"GetPasswordData","requestParameters":{"instanceId":"i-0123456789abcdef0"}`), c.extra)
		evs, err := d.DecodeMessage([]byte(msg), "t")
		require.NoError(t, err)
		ev := evs[0]
		require.Equal(t, "secret.read", ev.Action)
		require.Equal(t, "i-0123456789abcdef0/password-data", ev.Secret.ID)
		require.Equal(t, c.outcome, ev.Outcome, c.extra)
	}
}

// TestOCSFInstanceCredentials: CloudTrail mapped to OCSF names the
// instance of a role session by its uid or uid_alt, as the CloudTrail
// record does; other users name none.
func TestOCSFInstanceCredentials(t *testing.T) {
	d := newDecoder(t).WithSources(decode.Sources{DefaultTenant: "acme"})
	user := func(fields string) string {
		return `{"class_uid":6003,"time":1795162530000,"metadata":{"uid":"o1","product":{"name":"CloudTrail","vendor_name":"AWS"}},` +
			`"api":{"operation":"GetSecretValue","service":{"name":"secretsmanager.amazonaws.com"}},"src_endpoint":{"ip":"45.9.148.3"},` +
			`"actor":{"user":{` + fields + `,"credential_uid":"ASIAEXAMPLE"}}}`
	}
	for _, c := range []struct{ fields, want string }{
		{`"type":"AssumedRole","uid":"arn:aws:sts::1:assumed-role/app/i-0123456789abcdef0"`, "i-0123456789abcdef0"},
		{`"type":"assumedrole","uid":"AROAX","uid_alt":"AROAX:i-1a2b3c4d"`, "i-1a2b3c4d"},
		{`"type":"AssumedRole","uid":"arn:aws:sts::1:assumed-role/app/payments-handler"`, ""},
		{`"type":"IAMUser","uid":"arn:aws:iam::1:user/i-0123456789abcdef0"`, ""},
	} {
		evs, err := d.DecodeMessage([]byte(user(c.fields)), "t")
		require.NoError(t, err)
		require.Equal(t, c.want, evs[0].Attrs["aws.ec2_instance"], c.fields)
	}
}

// TestCloudTrailForeignVPCEndpoint: a call through a VPC endpoint of
// another account is not internal and names that account; through the
// caller's own endpoint it is internal.
func TestCloudTrailForeignVPCEndpoint(t *testing.T) {
	call := `,"sourceIPAddress":"172.31.9.4","vpcEndpointId":"vpce-0a1b2c3d","userIdentity":{"type":"AssumedRole","accountId":"123456789012",` +
		`"arn":"arn:aws:sts::123456789012:assumed-role/app/i-0abc123def4567890","accessKeyId":"ASIAEXAMPLE"}`
	runFieldCases(t, ctRecord, []fieldCase{
		{"another account's endpoint", call + `,"vpcEndpointAccountId":"999988887777"`, func(t *testing.T, ev event.Event) {
			require.False(t, ev.Source.Internal)
			require.Equal(t, "999988887777", ev.Attrs["aws.vpc_endpoint_account"])
		}, nil},
		{"the account's own endpoint", call + `,"vpcEndpointAccountId":"123456789012"`, func(t *testing.T, ev event.Event) {
			require.True(t, ev.Source.Internal)
			require.Empty(t, ev.Attrs["aws.vpc_endpoint_account"])
		}, nil},
		{"no endpoint account", call, func(t *testing.T, ev event.Event) {
			require.True(t, ev.Source.Internal)
		}, nil},
	})
}
