package decode

import (
	"bytes"

	"github.com/valyala/fastjson"

	"github.com/credwatch/credwatch/event"
)

// cloudTrail maps one AWS CloudTrail record, as delivered to S3 (one of a
// Records file), CloudWatch Logs, or EventBridge (the record in "detail").
// The mapping is documented in docs/input/cloudtrail.md.
func (r *reader) cloudTrail(v *fastjson.Value) event.Event {
	c := r.ctRecord(v)
	ev := event.Event{
		Format:    event.FormatCloudTrail,
		ID:        r.str(c.v, "eventID", c.at+"eventID", r.limits.MaxID),
		Time:      r.timestamp(c.v, "eventTime", c.at+"eventTime", true),
		Tenant:    c.str(c.v, "recipientAccountId", "recipientAccountId"),
		RequestID: c.str(c.v, "requestID", "requestID"),
	}
	if isCloudTrailInsight(c.v) {
		c.insight(&ev)
		return ev
	}
	source := c.str(c.v, "eventSource", "eventSource")
	name := r.required(c.v, "eventName", c.at+"eventName", r.limits.MaxString)
	if r.err != nil {
		return ev
	}
	action, known := cloudTrailAction(source, name)
	ev.Action = action
	if known {
		setAttr(&ev, "aws.api", cloudTrailService(source)+":"+name)
	}
	setAttr(&ev, "aws.region", c.str(c.v, "awsRegion", "awsRegion"))
	c.identity(&ev)
	if ev.Tenant == "" && c.envelope != nil {
		ev.Tenant = r.str(c.envelope, "account", "account", r.limits.MaxString)
	}
	c.source(&ev)
	c.vpcEndpoint(&ev)
	c.outcome(&ev, name)
	c.commandedInstances(&ev, action)
	c.subject(&ev, cloudTrailService(source))
	ev.Resource = c.resource()
	return ev
}

// ctRecord is a CloudTrail record being mapped: the record, the prefix of
// its fields' paths in errors and warnings ("detail." inside an EventBridge
// event), and that event.
type ctRecord struct {
	r        *reader
	v        *fastjson.Value
	at       string
	envelope *fastjson.Value
}

// ctRecord unwraps an EventBridge event that carries a CloudTrail record.
func (r *reader) ctRecord(v *fastjson.Value) ctRecord {
	if isCloudTrailEnvelope(v) {
		return ctRecord{r: r, v: v.Get("detail"), at: "detail.", envelope: v}
	}
	return ctRecord{r: r, v: v}
}

// isCloudTrailEnvelope reports an EventBridge event whose detail is a
// CloudTrail record: its detail-type is "AWS API Call via CloudTrail",
// "AWS Console Sign In via CloudTrail" or "AWS Service Event via CloudTrail".
func isCloudTrailEnvelope(v *fastjson.Value) bool {
	d := v.Get("detail")
	return d != nil && d.Type() == fastjson.TypeObject &&
		bytes.HasSuffix(v.GetStringBytes("detail-type"), []byte(" via CloudTrail"))
}

// str reads an optional string field of o (a part of the record).
func (c ctRecord) str(o *fastjson.Value, key, path string) string {
	return c.r.str(o, key, c.at+path, c.r.limits.MaxString)
}

// obj reads an optional object of o. CloudTrail writes "" for some absent
// objects (responseElements, resources); that is absent, not an error.
func (c ctRecord) obj(o *fastjson.Value, key, path string) *fastjson.Value {
	if x := o.Get(key); x != nil && x.Type() == fastjson.TypeString && len(x.GetStringBytes()) == 0 {
		return nil
	}
	return c.r.obj(o, key, c.at+path)
}

// resource maps resources[0] (ARN and type), when the record has one.
func (c ctRecord) resource() event.Resource {
	list := c.v.Get("resources")
	if list == nil || list.Type() == fastjson.TypeNull ||
		(list.Type() == fastjson.TypeString && len(list.GetStringBytes()) == 0) {
		return event.Resource{}
	}
	items, err := list.Array()
	if err != nil {
		c.r.fail(fieldErr(c.at+"resources", ReasonType, "must be an array, got %s", list.Type()))
		return event.Resource{}
	}
	if len(items) == 0 {
		return event.Resource{}
	}
	if items[0].Type() != fastjson.TypeObject {
		c.r.fail(fieldErr(c.at+"resources[0]", ReasonType, "must be an object, got %s", items[0].Type()))
		return event.Resource{}
	}
	return event.Resource{
		Type: c.str(items[0], "type", "resources[0].type"),
		ID:   firstNonEmpty(c.str(items[0], "ARN", "resources[0].ARN"), c.str(items[0], "arn", "resources[0].arn")),
	}
}
