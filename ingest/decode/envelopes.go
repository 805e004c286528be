package decode

import (
	"slices"
	"strings"

	"github.com/valyala/fastjson"

	"github.com/credwatch/credwatch/event"
)

// envelopes decodes a message that carries several events, record by
// record: a page of a vendor's API (a JSON array), a CloudWatch Logs
// subscription message, a CloudTrail Records file (a digest file holds
// none), an Azure Monitor export, a Microsoft Graph page, a Kubernetes
// webhook backend's EventList, an AKS audit record or an Okta event hook.
// ok is false for a message that is one event.
func (d *Decoder) envelopes(v *fastjson.Value, kinds []string, format, topic string) (evs []event.Event, ok bool, err error) {
	vendor := func(f string) bool { return format == FormatAuto || format == f }
	switch {
	case v.Type() == fastjson.TypeArray && format == FormatCredwatch:
		return nil, true, fieldErr("", ReasonType, "message must be a JSON object (one event), got array")
	case v.Type() == fastjson.TypeArray:
		evs, err = d.oldestFirst(v, "", format, kinds, topic)
	case format != FormatCredwatch && isLogsEnvelope(v):
		evs, err = d.logEvents(v, kinds, format, topic)
	case v.Get("Records") != nil && vendor(FormatCloudTrail):
		evs, err = d.oldestFirst(v.Get("Records"), "Records", FormatCloudTrail, kinds, topic)
	case v.Get("records") != nil && vendor(FormatAzure):
		evs, err = d.oldestFirst(v.Get("records"), "records", FormatAzure, kinds, topic)
	case v.Get("value") != nil && v.Get("@odata.context") != nil && vendor(FormatAzure):
		evs, err = d.oldestFirst(v.Get("value"), "value", FormatAzure, kinds, topic)
	case string(v.GetStringBytes("kind")) == "admin#reports#activities" && vendor(FormatWorkspace):
		evs, err = d.oldestFirst(v.Get("items"), "items", FormatWorkspace, kinds, topic)
	case v.Get("cursor") != nil && v.Get("has_more") != nil && v.Get("items") != nil && vendor(Format1Password):
		evs, err = d.oldestFirst(v.Get("items"), "items", Format1Password, kinds, topic)
	case isK8sEventList(v) && vendor(FormatK8s):
		evs, err = d.records(v.Get("items"), "items", FormatK8s, kinds, topic)
	case isCloudTrailDigest(v) && vendor(FormatCloudTrail):
		evs = d.out // a digest file lists the log files it signs: no event
	case isAKSAudit(v) && (vendor(FormatAzure) || format == FormatK8s):
		return d.aksAuditText(v, kinds, topic)
	case isOktaHook(v) && vendor(FormatOkta):
		d.envelope = oktaHookOrg(v)
		evs, err = d.oldestFirst(v.Get("data", "events"), "data.events", FormatOkta, kinds, topic)
		d.envelope = ""
	default:
		return nil, false, nil
	}
	return evs, true, err
}

// oldestFirst decodes a list of records and hands them on oldest first:
// Graph and GitHub list the newest first, an event hook, a CloudTrail file
// and an Azure export in no set order, and the sequence rules read events
// in order (a command on an instance before its credentials' use).
func (d *Decoder) oldestFirst(list *fastjson.Value, key, format string, kinds []string, topic string) ([]event.Event, error) {
	evs, err := d.records(list, key, format, kinds, topic)
	slices.SortStableFunc(evs, func(a, b event.Event) int { return a.Time.Compare(b.Time) })
	return evs, err
}

// scrubMessage scrubs the objects of a message (see scrubObjects), each
// record of an array on its own.
func (d *Decoder) scrubMessage(v *fastjson.Value, clean []byte, format string) []string {
	if v.Type() != fastjson.TypeArray {
		return d.scrubObjects(v, clean, format)
	}
	var kinds []string
	for _, item := range v.GetArray() {
		for _, k := range d.scrubObjects(item, clean, format) {
			if !slices.Contains(kinds, k) {
				kinds = append(kinds, k)
			}
		}
	}
	return kinds
}

// unwrap returns the event an envelope of one event carries, the format
// it is in and the path to it: an EventBridge event from Okta's log
// stream is its detail, a LogEvent, whose org the source names; an AKS
// audit record is its Kubernetes audit event, in the cluster's
// subscription. Any other message is itself.
func (d *Decoder) unwrap(v *fastjson.Value, format string) (*fastjson.Value, string, string) {
	if isAKSAudit(v) && (format == FormatAuto || format == FormatAzure || format == FormatK8s) {
		d.envelope = aksTenant(v)
		return v.Get("properties", "log"), FormatK8s, "properties.log."
	}
	source := string(v.GetStringBytes("source"))
	detail := v.Get("detail")
	if !strings.HasPrefix(source, oktaBridgeSource) || detail == nil || detail.Type() != fastjson.TypeObject ||
		(format != FormatAuto && format != FormatOkta) {
		return v, format, ""
	}
	org, _, _ := strings.Cut(strings.TrimPrefix(source, oktaBridgeSource), "/")
	d.envelope = strings.ToLower(org)
	return detail, FormatOkta, "detail."
}
