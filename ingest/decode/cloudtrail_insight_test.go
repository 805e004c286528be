package decode_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/ingest/decode"
)

// ctInsight is a CloudTrail Insights event as CloudTrail delivers it: an
// unusual error rate of s3:GetBucketPolicy starting.
func ctInsight(changes ...func(obj)) string {
	return withChanges(obj{
		"eventVersion": "1.08", "eventTime": "2026-11-20T07:45:00Z", "awsRegion": "eu-west-3", "eventID": "7a9130fc-ca15-49d9-b4aa-685f7a0c182a",
		"eventType": "AwsCloudTrailInsight", "recipientAccountId": "111122223333", "sharedEventID": "0a771801-c0cc-406d-a080-219de884f089",
		"eventCategory": "Insight",
		"insightDetails": obj{"state": "Start", "eventSource": "s3.amazonaws.com", "eventName": "GetBucketPolicy", "insightType": "ApiErrorRateInsight",
			"errorCode": "NoSuchBucketPolicy", "insightContext": obj{"statistics": obj{"baseline": obj{"average": 0.0021}, "insight": obj{"average": 1.33}},
				"attributions": []any{obj{"attribute": "userIdentityArn", "insight": []any{obj{"value": "arn:aws:iam::111122223333:root", "average": 1.33}}}}}},
	}, changes)
}

// TestCloudTrailInsights: an Insights event, which names an API and no
// caller, is kept as an insight, not taken for a contract event and
// rejected.
func TestCloudTrailInsights(t *testing.T) {
	cases := []adapterCase{
		{name: "error rate starts", msg: ctInsight(), want: map[string]string{"id": "7a9130fc-ca15-49d9-b4aa-685f7a0c182a", "action": "insight:ApiErrorRateInsight",
			"outcome": "unknown", "tenant": "111122223333", "actor.id": "", "token.id": "", "attrs.aws.api": "s3:GetBucketPolicy",
			"attrs.aws.insight_state": "Start", "attrs.aws.error_code": "NoSuchBucketPolicy", "attrs.aws.region": "eu-west-3", "format": "aws.cloudtrail"}},
		{name: "call rate ends", msg: ctInsight(set("insightDetails.state", "End"), set("insightDetails.insightType", "ApiCallRateInsight"),
			set("insightDetails.errorCode", remove), set("insightDetails.eventSource", "iam.amazonaws.com"), set("insightDetails.eventName", "CreateAccessKey")),
			want: map[string]string{"action": "insight:ApiCallRateInsight", "attrs.aws.api": "iam:CreateAccessKey", "attrs.aws.insight_state": "End"}},
		{name: "no time", msg: ctInsight(set("eventTime", remove)), errAt: "eventTime", errWhy: decode.ReasonMissing},
	}
	runAdapterCases(t, "", cases)
	runAdapterCases(t, decode.FormatCloudTrail, cases)
}

// TestCloudTrailDigestFiles: a digest file, which CloudTrail writes beside
// the log files it signs, holds no event and is no error.
func TestCloudTrailDigestFiles(t *testing.T) {
	digest := `{"awsAccountId":"111122223333","digestStartTime":"2026-11-20T04:52:12Z","digestEndTime":"2026-11-20T05:52:12Z",
		"digestS3Bucket":"trail-bucket","digestS3Object":"AWSLogs/111122223333/CloudTrail-Digest/us-east-1/2026/11/20/x.json.gz",
		"digestPublicKeyFingerprint":"8eba5db5bea9b640d1e79e54a2e1c4a5","digestSignatureAlgorithm":"SHA256withRSA",
		"logFiles":[{"s3Bucket":"trail-bucket","s3Object":"AWSLogs/111122223333/CloudTrail/us-east-1/2026/11/20/y.json.gz","hashValue":"9bb6196fc6b84d6f075a56548feca262bd99ba3c2de41b618e5b6e22c1fc71f6","hashAlgorithm":"SHA-256","newestEventTime":"2026-11-20T05:07:12Z","oldestEventTime":"2026-11-20T04:52:12Z"}]}`
	for _, format := range []string{"", decode.FormatCloudTrail} {
		evs, de := decodeAll(t, format, digest)
		require.Nil(t, de)
		require.Empty(t, evs)
	}
}
