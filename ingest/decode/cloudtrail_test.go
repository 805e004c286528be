package decode_test

import (
	"encoding/json"
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/event"
	"github.com/credwatch/credwatch/ingest/decode"
)

// ctRecord is a minimal CloudTrail record with extra's fields (",k":v…)
// added or replacing its own.
func ctRecord(extra string) string {
	return withFields(`{"eventVersion":"1.09","eventTime":"2026-11-20T08:15:30Z","eventSource":"secretsmanager.amazonaws.com",`+
		`"eventName":"GetSecretValue","eventID":"e-1","recipientAccountId":"123456789012"}`, extra)
}

// withFields sets the fields of extra (",k":v…) on the JSON object base.
func withFields(base, extra string) string {
	var m map[string]json.RawMessage
	if err := json.Unmarshal([]byte(base), &m); err != nil {
		panic(err)
	}
	if extra != "" {
		var add map[string]json.RawMessage
		if err := json.Unmarshal([]byte("{"+strings.TrimPrefix(extra, ",")+"}"), &add); err != nil {
			panic(err)
		}
		for k, v := range add {
			m[k] = v
		}
	}
	b, err := json.Marshal(m)
	if err != nil {
		panic(err)
	}
	return string(b)
}

// decodeOK decodes msg and fails the test on a rejection.
func decodeOK(t *testing.T, d *decode.Decoder, msg string) event.Event {
	t.Helper()
	ev, err := d.Decode([]byte(msg))
	require.NoError(t, err)
	return ev
}

// rejection decodes msg and returns its *decode.Error.
func rejection(t *testing.T, d *decode.Decoder, msg string) *decode.Error {
	t.Helper()
	_, err := d.Decode([]byte(msg))
	var de *decode.Error
	require.True(t, errors.As(err, &de), "want a *decode.Error, got %v", err)
	return de
}

func TestCloudTrailDetectedOrConfigured(t *testing.T) {
	record := ctRecord(`,"userIdentity":{"type":"IAMUser","arn":"arn:aws:iam::123456789012:user/alice"}`)
	ev := decodeOK(t, newDecoder(t), record)
	require.Equal(t, event.FormatCloudTrail, ev.Format, "detected from the message alone")
	require.Equal(t, "secret.read", ev.Action)

	envelope := `{"version":"0","id":"x","detail-type":"AWS API Call via CloudTrail","source":"aws.secretsmanager",` +
		`"account":"123456789012","detail":` + record + `}`
	ev = decodeOK(t, newDecoder(t), envelope)
	require.Equal(t, event.FormatCloudTrail, ev.Format, "an EventBridge event is detected too")
	require.Equal(t, "arn:aws:iam::123456789012:user/alice", ev.Actor.ID)

	// Without eventVersion nothing tells the record apart: the topic's format does.
	bare := strings.Replace(record, `"eventVersion":"1.09",`, "", 1)
	_, err := newDecoder(t).Decode([]byte(bare))
	require.Error(t, err, "not detected without eventVersion")
	d := newDecoder(t).WithSources(decode.Sources{Format: decode.FormatCloudTrail})
	ev = decodeOK(t, d, bare)
	require.Equal(t, event.FormatCloudTrail, ev.Format)
	require.Equal(t, "arn:aws:iam::123456789012:user/alice", ev.Actor.ID)
}

func TestCloudTrailRejections(t *testing.T) {
	cases := []struct{ name, msg, field, reason string }{
		{"no eventTime", `{"eventVersion":"1.08","eventSource":"s3.amazonaws.com","eventName":"GetObject","recipientAccountId":"1"}`, "eventTime", decode.ReasonMissing},
		{"bad eventTime", ctRecord(`,"eventTime":"yesterday"`), "eventTime", decode.ReasonBadTime},
		{"no eventName", `{"eventVersion":"1.08","eventSource":"s3.amazonaws.com","eventTime":"2026-11-20T08:15:30Z","recipientAccountId":"1"}`, "eventName", decode.ReasonMissing},
		{"eventName placeholder", ctRecord(`,"eventName":"-"`), "eventName", decode.ReasonPlaceholder},
		{"no tenant anywhere", `{"eventVersion":"1.08","eventSource":"s3.amazonaws.com","eventName":"GetObject","eventTime":"2026-11-20T08:15:30Z"}`, "tenant", decode.ReasonMissing},
		{"envelope detail broken", `{"detail-type":"AWS API Call via CloudTrail","detail":{"eventTime":"2026-11-20T08:15:30Z"}}`, "detail.eventName", decode.ReasonMissing},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			de := rejection(t, newDecoder(t), c.msg)
			require.Equal(t, c.field, de.Field, de.Error())
			require.Equal(t, c.reason, de.Reason, de.Error())
		})
	}
	// A non-record JSON object read as CloudTrail names what it lacks.
	d := newDecoder(t).WithSources(decode.Sources{Format: decode.FormatCloudTrail})
	de := rejection(t, d, `{"hello":"world"}`)
	require.Equal(t, "eventTime", de.Field)
}

func TestCloudTrailLenientFields(t *testing.T) {
	cases := []fieldCase{
		{"no userIdentity", ``, func(t *testing.T, ev event.Event) {
			require.Empty(t, ev.Actor.ID)
			require.Empty(t, ev.Token)
			require.Equal(t, "123456789012", ev.Tenant)
		}, nil},
		{"userIdentity not an object", `,"userIdentity":"alice"`, func(t *testing.T, ev event.Event) {
			require.Empty(t, ev.Actor.ID)
		}, []string{"userIdentity:wrong_type"}},
		{"numeric arn", `,"userIdentity":{"type":"IAMUser","arn":7,"userName":"alice"}`, func(t *testing.T, ev event.Event) {
			require.Equal(t, "alice", ev.Actor.ID)
		}, []string{"userIdentity.arn:wrong_type"}},
		{"placeholders", `,"sourceIPAddress":"-","userAgent":"N/A"`, func(t *testing.T, ev event.Event) {
			require.Empty(t, ev.Source)
		}, []string{"userAgent:placeholder", "sourceIPAddress:placeholder"}},
		{"address with port", `,"sourceIPAddress":"198.51.100.7:443"`, func(t *testing.T, ev event.Event) {
			require.Equal(t, "198.51.100.7", ev.Source.IP)
		}, []string{"sourceIPAddress:normalised"}},
		{"service host", `,"sourceIPAddress":"AWS Internal"`, func(t *testing.T, ev event.Event) {
			require.Empty(t, ev.Source.IP)
			require.True(t, ev.Source.Internal)
			require.Equal(t, "AWS Internal", ev.Attrs["aws.source"])
		}, nil},
		{"empty-string objects", `,"responseElements":"","resources":""`, func(t *testing.T, ev event.Event) {
			require.Empty(t, ev.Resource)
		}, nil},
		{"resources not an array", `,"resources":{"ARN":"x"}`, func(t *testing.T, ev event.Event) {
			require.Empty(t, ev.Resource)
		}, []string{"resources:wrong_type"}},
		{"basic-format creationDate", `,"userIdentity":{"type":"AssumedRole","arn":"arn:aws:sts::1:assumed-role/r/s","accessKeyId":"k1",` +
			`"sessionContext":{"attributes":{"creationDate":"20131102T010628Z","mfaAuthenticated":"true"}}}`, func(t *testing.T, ev event.Event) {
			require.Equal(t, "2013-11-02T01:06:28Z", ev.Token.CreatedAt.Format("2006-01-02T15:04:05Z"))
			require.Equal(t, "session", ev.Token.Kind)
			require.Equal(t, "true", ev.Attrs["aws.mfa"])
		}, nil},
		{"bad creationDate", `,"userIdentity":{"type":"AssumedRole","accessKeyId":"k1","sessionContext":{"attributes":{"creationDate":"soon"}}}`, func(t *testing.T, ev event.Event) {
			require.True(t, ev.Token.CreatedAt.IsZero())
		}, []string{"userIdentity.sessionContext.attributes.creationDate:bad_time"}},
		{"account from userIdentity", `,"recipientAccountId":null,"userIdentity":{"type":"Root","accountId":"999","arn":"arn:aws:iam::999:root"}`, func(t *testing.T, ev event.Event) {
			require.Equal(t, "999", ev.Tenant)
			require.Equal(t, "user", ev.Actor.Type)
		}, nil},
		{"AWS service", `,"userIdentity":{"type":"AWSService","invokedBy":"cloudtrail.amazonaws.com"}`, func(t *testing.T, ev event.Event) {
			require.Equal(t, event.Actor{ID: "cloudtrail.amazonaws.com", Type: "service"}, ev.Actor)
		}, nil},
	}
	runFieldCases(t, ctRecord, cases)
}

func TestCloudTrailOutcome(t *testing.T) {
	cases := []struct{ extra, outcome string }{
		{``, "success"},
		{`,"errorCode":"AccessDenied"`, "denied"},
		{`,"errorCode":"AccessDeniedException"`, "denied"},
		{`,"errorCode":"Client.UnauthorizedOperation"`, "denied"},
		{`,"errorCode":"NotAuthorizedException"`, "denied"},
		{`,"errorCode":"ResourceNotFoundException","errorMessage":"Secrets Manager can't find the specified secret."`, "failure"},
		{`,"errorCode":"ThrottlingException"`, "failure"},
		{`,"eventName":"ConsoleLogin","eventSource":"signin.amazonaws.com","responseElements":{"ConsoleLogin":"Failure"}`, "failure"},
		{`,"eventName":"CredentialChallenge","eventSource":"signin.amazonaws.com","serviceEventDetails":{"CredentialChallenge":"Failure"}`, "failure"},
	}
	for _, c := range cases {
		ev := decodeOK(t, newDecoder(t), ctRecord(c.extra))
		require.Equal(t, c.outcome, ev.Outcome, c.extra)
	}
	long := strings.Repeat("policy ", 200)
	ev := decodeOK(t, newDecoder(t), ctRecord(`,"errorCode":"AccessDenied","errorMessage":"`+long+`"`))
	require.LessOrEqual(t, len(ev.Attrs["aws.error_message"]), 256, "error messages are bounded")
	require.Equal(t, "AccessDenied", ev.Attrs["aws.error_code"])
}

func TestCloudTrailActorType(t *testing.T) {
	cases := []struct{ identity, typ string }{
		{`{"type":"IAMUser","arn":"arn:aws:iam::1:user/alice"}`, "user"},
		{`{"type":"Root","arn":"arn:aws:iam::1:root"}`, "user"},
		{`{"type":"AssumedRole","arn":"arn:aws:sts::1:assumed-role/deploy/ci-run-42"}`, "service"},
		{`{"type":"AssumedRole","arn":"arn:aws:sts::1:assumed-role/Admin/alice@example.com"}`, "user"},
		{`{"type":"AssumedRole","arn":"arn:aws:sts::1:assumed-role/AWSReservedSSO_Dev_0123/alice","sessionContext":{"sessionIssuer":{"arn":"arn:aws:iam::1:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_Dev_0123"}}}`, "user"},
		{`{"type":"FederatedUser","arn":"arn:aws:sts::1:federated-user/broker"}`, "service"},
		{`{"type":"AWSAccount","principalId":"AIDAEXAMPLE","accountId":"2"}`, "service"},
		{`{"type":"WebIdentityUser","principalId":"token.actions.githubusercontent.com:sts.amazonaws.com:repo:acme/api"}`, "service"},
		{`{"type":"SAMLUser","principalId":"abc=:alice"}`, "user"},
		{`{"type":"Unknown","principalId":"x"}`, ""},
		{`{"type":"Directory","principalId":"S-1-5-21-1111-2222-3333-1104","userName":"bob"}`, "user"},
		{`{"type":"Role","arn":"arn:aws:iam::1:role/service-role/etl","accountId":"1"}`, "service"},
	}
	for _, c := range cases {
		ev := decodeOK(t, newDecoder(t), ctRecord(`,"userIdentity":`+c.identity))
		require.Equal(t, c.typ, ev.Actor.Type, c.identity)
	}
}

func TestCloudTrailSecrets(t *testing.T) {
	cases := []struct{ extra, id, name string }{
		{`,"requestParameters":{"secretId":"arn:aws:secretsmanager:us-east-1:1:secret:prod/db-AbCdEf"}`, "arn:aws:secretsmanager:us-east-1:1:secret:prod/db-AbCdEf", "prod/db"},
		{`,"requestParameters":{"secretId":"prod/db"}`, "prod/db", "prod/db"},
		{`,"eventName":"BatchGetSecretValue","requestParameters":{"secretIdList":["prod/a","prod/b"]}`, "", ""},
		{`,"eventName":"ListSecrets","requestParameters":{"maxResults":10}`, "", ""},
		{`,"eventName":"CreateSecret","requestParameters":{"name":"prod/new","secretString":"hunter2"},"responseElements":{"aRN":"arn:aws:secretsmanager:us-east-1:1:secret:prod/new-Zz9Yy8"}`, "arn:aws:secretsmanager:us-east-1:1:secret:prod/new-Zz9Yy8", "prod/new"},
		{`,"eventSource":"ssm.amazonaws.com","eventName":"GetParameters","requestParameters":{"names":["/prod/db/password"],"withDecryption":true}`, "/prod/db/password", "/prod/db/password"},
		{`,"eventSource":"ssm.amazonaws.com","eventName":"GetParametersByPath","requestParameters":{"path":"/prod/"}`, "/prod/", "/prod/"},
		{`,"eventSource":"ssm.amazonaws.com","eventName":"GetParameter","requestParameters":{"name":"arn:aws:ssm:us-east-1:1:parameter/prod/key"}`, "arn:aws:ssm:us-east-1:1:parameter/prod/key", "/prod/key"},
		{`,"eventSource":"ssm.amazonaws.com","eventName":"DeleteDocument","requestParameters":{"name":"my-doc"}`, "", ""},
	}
	for _, c := range cases {
		ev := decodeOK(t, newDecoder(t), ctRecord(c.extra))
		require.Equal(t, event.Secret{ID: c.id, Name: c.name}, ev.Secret, c.extra)
		require.NotContains(t, mustJSON(t, ev), "hunter2")
	}
}

// mintedRoleChaining is the AWS docs' role-chaining AssumeRole golden input,
// whose minted credentials carry a (fake) secret key and session token.
const mintedRoleChaining = "../../testdata/decode/cloudtrail/aws_docs_assumerole_role_chaining.json"

func TestCloudTrailMintedCredentialsStayOutOfFields(t *testing.T) {
	msg, err := os.ReadFile(mintedRoleChaining)
	require.NoError(t, err)
	ev := decodeOK(t, newDecoder(t), string(msg))
	require.Equal(t, "token.create", ev.Action)
	require.True(t, strings.HasPrefix(ev.Token.ID, "redacted:"), "the minted key id, redacted: %q", ev.Token.ID)
	require.True(t, strings.HasPrefix(ev.Attrs["aws.caller_access_key"], "redacted:"))
	require.NotEqual(t, ev.Token.ID, ev.Attrs["aws.caller_access_key"])
	require.Equal(t, "arn:aws:iam::111111111111:role/JohnRole2", ev.Token.Owner)
	fields := mustJSON(t, ev) // every field and attr, raw excluded
	for _, secret := range []string{"wJalrXUtnFEMI", "EXAMPLEKEY", "AgoJb3JpZ2lu", "EXAMPLETOKEN", "sessionToken", "secretAccessKey"} {
		require.NotContains(t, fields, secret)
	}
}

// TestCloudTrailMintedCredentialsRedactedInRaw: the stored raw record holds
// no minted access key id, secret access key or session token.
func TestCloudTrailMintedCredentialsRedactedInRaw(t *testing.T) {
	msg, err := os.ReadFile(mintedRoleChaining)
	require.NoError(t, err)
	ev := decodeOK(t, newDecoder(t), string(msg))
	raw := string(ev.Raw)
	for _, secret := range []string{"ASIAWHOJDLGPOEXAMPLE", "wJalrXUtnFEMI", "EXAMPLEKEY", "AgoJb3JpZ2lu", "EXAMPLETOKEN"} {
		require.NotContains(t, raw, secret)
	}
	require.Contains(t, raw, `"sessionToken": "redacted:`)
}

func TestCloudTrailRecordsFile(t *testing.T) {
	good := ctRecord(`,"userIdentity":{"type":"IAMUser","arn":"arn:aws:iam::1:user/a"}`)
	msg := `{"Records":[` + good + `,` + ctRecord(`,"eventTime":7`) + `,"not a record",` + good + `]}`
	evs, err := newDecoder(t).DecodeMessage([]byte(msg), "t")
	require.Len(t, evs, 2, "the good records are kept")
	var de *decode.Error
	require.True(t, errors.As(err, &de))
	require.Equal(t, "Records[1].eventTime", de.Field, "the first bad record is named")
	for _, ev := range evs {
		require.Equal(t, event.FormatCloudTrail, ev.Format)
		require.True(t, json.Valid(ev.Raw))
	}
}

func mustJSON(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	require.NoError(t, err)
	return string(b)
}
