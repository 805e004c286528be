package decode_test

import (
	"encoding/json"
	"strconv"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/event"
	"github.com/credwatch/credwatch/ingest/decode"
)

// cwEnvelope is a CloudWatch Logs subscription DATA_MESSAGE, as a
// subscription filter delivers one (to Kinesis, Firehose or Lambda), whose
// log events carry items: a string is a log event's message, anything
// else is the log event itself.
func cwEnvelope(items ...any) string {
	events := make([]any, len(items))
	for i, it := range items {
		events[i] = it
		if m, ok := it.(string); ok {
			events[i] = obj{"id": "3703164390744431795264437628470291946577" + strconv.Itoa(10+i), "timestamp": 1763626530000 + i, "message": m}
		}
	}
	b, err := json.Marshal(obj{"messageType": "DATA_MESSAGE", "owner": "123456789012",
		"logGroup": "aws-cloudtrail-logs-123456789012-1f2e3d4c", "logStream": "123456789012_CloudTrail_us-east-1",
		"subscriptionFilters": []string{"credwatch"}, "logEvents": events})
	if err != nil {
		panic(err)
	}
	return string(b)
}

// ctCall is a CloudTrail record of an IAM user's call in account and region at time.
func ctCall(id, account, region, time string) string {
	return ctRecord(`,"eventID":"` + id + `","recipientAccountId":"` + account + `","awsRegion":"` + region + `","eventTime":"` + time +
		`","userIdentity":{"type":"IAMUser","arn":"arn:aws:iam::` + account + `:user/ann","accountId":"` + account + `"}`)
}

// decodeAll decodes msg from a topic of format (auto when "") whose
// default tenant is "topic-tenant".
func decodeAll(t *testing.T, format, msg string) ([]event.Event, *decode.Error) {
	t.Helper()
	evs, err := newDecoder(t).WithSources(decode.Sources{Format: format, DefaultTenant: "topic-tenant"}).DecodeMessage([]byte(msg), "t")
	if err == nil {
		return evs, nil
	}
	var de *decode.Error
	require.ErrorAs(t, err, &de)
	return evs, de
}

// TestCloudWatchLogsEnvelope: every log event is one record, its own
// account, region and time kept; Raw is the record, not the envelope.
func TestCloudWatchLogsEnvelope(t *testing.T) {
	for _, format := range []string{"", "cloudtrail"} {
		evs, de := decodeAll(t, format, cwEnvelope(ctCall("a-1", "123456789012", "us-east-1", "2026-11-20T08:15:30Z"),
			ctCall("a-2", "210987654321", "eu-west-1", "2026-11-21T23:59:59Z"), ctCall("a-3", "123456789012", "ap-southeast-2", "2026-11-19T00:00:01Z")))
		require.Nil(t, de)
		require.Len(t, evs, 3)
		want := [][3]string{{"a-1", "123456789012", "us-east-1"}, {"a-2", "210987654321", "eu-west-1"}, {"a-3", "123456789012", "ap-southeast-2"}}
		for i, ev := range evs {
			require.Equal(t, event.FormatCloudTrail, ev.Format)
			require.Equal(t, want[i], [3]string{ev.ID, ev.Tenant, ev.Attrs["aws.region"]})
			require.True(t, json.Valid(ev.Raw))
			require.NotContains(t, string(ev.Raw), "logEvents")
			require.Contains(t, string(ev.Raw), `"eventID":"`+want[i][0]+`"`)
		}
		require.Equal(t, "2026-11-21T23:59:59Z", evs[1].Time.Format("2006-01-02T15:04:05Z07:00"))
	}
}

// TestCloudWatchLogsBadItem: a bad log event is named by index and path;
// the others are kept.
func TestCloudWatchLogsBadItem(t *testing.T) {
	good := ctCall("g", "123456789012", "us-east-1", "2026-11-20T08:15:30Z")
	cases := []struct {
		name, msg, field, reason string
		kept                     int
	}{
		{"bad time", cwEnvelope(good, good, ctRecord(`,"eventTime":"yesterday"`), good), "logEvents[2].message.eventTime", decode.ReasonBadTime, 3},
		{"time in the future", cwEnvelope(good, ctRecord(`,"eventTime":"2027-01-01T00:00:00Z"`)), "logEvents[1].message.time", decode.ReasonFuture, 1},
		{"no event name", cwEnvelope(ctRecord(`,"eventName":""`), good), "logEvents[0].message.eventName", decode.ReasonMissing, 1},
		{"plain text", cwEnvelope(good, "START RequestId: 8a0c Version: $LATEST"), "logEvents[1].message", decode.ReasonNotJSON, 1},
		{"message a JSON array", cwEnvelope(good, "[1,2]"), "logEvents[1].message", decode.ReasonType, 1},
		{"message not a string", cwEnvelope(good, obj{"id": "1", "timestamp": 1, "message": obj{"eventVersion": "1.09"}}), "logEvents[1].message", decode.ReasonType, 1},
		{"no message", cwEnvelope(obj{"id": "1", "timestamp": 1}, good), "logEvents[0].message", decode.ReasonMissing, 1},
		{"log event a number", cwEnvelope(good, 7, good), "logEvents[1]", decode.ReasonType, 2},
		{"log event a string", `{"messageType":"DATA_MESSAGE","logEvents":["x"]}`, "logEvents[0]", decode.ReasonType, 0},
		{"log events not a list", `{"messageType":"DATA_MESSAGE","logEvents":{}}`, "logEvents", decode.ReasonType, 0},
		{"unknown message type", `{"messageType":"METRIC_MESSAGE","logEvents":[]}`, "messageType", decode.ReasonInvalid, 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			evs, de := decodeAll(t, "", c.msg)
			require.NotNil(t, de)
			require.Equal(t, c.field, de.Field, de.Error())
			require.Equal(t, c.reason, de.Reason, de.Error())
			require.Len(t, evs, c.kept)
		})
	}
}
