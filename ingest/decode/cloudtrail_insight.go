package decode

import (
	"github.com/valyala/fastjson"

	"github.com/credwatch/credwatch/event"
)

// isCloudTrailInsight reports a CloudTrail Insights event: an unusual
// rate of one API's calls or errors, which names the API in
// insightDetails and no caller.
func isCloudTrailInsight(v *fastjson.Value) bool {
	d := v.Get("insightDetails")
	return d != nil && d.Type() == fastjson.TypeObject
}

// insight maps an Insights event: its action is
// insight:<insightType> (ApiCallRateInsight, ApiErrorRateInsight), the
// API it is about goes to attrs.aws.api, the insight's state (Start,
// End), the error counted and the callers Insights attributes it to stay
// in the remainder. Its outcome is unknown: it reports a rate, not a call.
func (c ctRecord) insight(ev *event.Event) {
	d := c.obj(c.v, "insightDetails", "insightDetails")
	name := c.str(d, "eventName", "insightDetails.eventName")
	ev.Action = "insight:" + firstNonEmpty(c.str(d, "insightType", "insightDetails.insightType"), "unknown")
	if name != "" {
		setAttr(ev, "aws.api", cloudTrailService(c.str(d, "eventSource", "insightDetails.eventSource"))+":"+name)
	}
	setAttr(ev, "aws.insight_state", c.str(d, "state", "insightDetails.state"))
	setAttr(ev, "aws.error_code", c.str(d, "errorCode", "insightDetails.errorCode"))
	setAttr(ev, "aws.region", c.str(c.v, "awsRegion", "awsRegion"))
	ev.Outcome = event.OutcomeUnknown
}

// isCloudTrailDigest reports a CloudTrail digest file (what CloudTrail
// writes beside the log files to sign them), which a bucket-to-Kafka
// pipeline may pass on with them.
func isCloudTrailDigest(v *fastjson.Value) bool {
	return v.Get("digestPublicKeyFingerprint") != nil && v.Get("logFiles") != nil
}
