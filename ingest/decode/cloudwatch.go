package decode

import (
	"strconv"

	"github.com/valyala/fastjson"

	"github.com/credwatch/credwatch/event"
)

// isLogsEnvelope reports a CloudWatch Logs subscription message (what a
// subscription filter delivers to Kinesis, Firehose or Lambda): a
// messageType beside logEvents.
func isLogsEnvelope(v *fastjson.Value) bool {
	return v.Get("messageType") != nil && v.Get("logEvents") != nil
}

// logEvents decodes a CloudWatch Logs subscription message log event by log
// event, each message a record of its own in format (detected when auto): a
// bad one is reported (the first, by index) without losing the rest. A
// CONTROL_MESSAGE (CloudWatch checking the destination) holds no record.
// kinds are what the scrub of the whole message replaced.
func (d *Decoder) logEvents(v *fastjson.Value, kinds []string, format, topic string) ([]event.Event, error) {
	switch string(v.GetStringBytes("messageType")) {
	case "CONTROL_MESSAGE":
		return d.out, nil
	case "DATA_MESSAGE":
	default:
		return nil, fieldErr("messageType", ReasonInvalid, "must be DATA_MESSAGE or CONTROL_MESSAGE")
	}
	items, err := v.Get("logEvents").Array()
	if err != nil {
		return nil, fieldErr("logEvents", ReasonType, "must be an array, got %s", v.Get("logEvents").Type())
	}
	var first *Error
	for i, item := range items {
		ev, derr := d.logEvent(item, "logEvents["+strconv.Itoa(i)+"]", kinds, format, topic)
		if derr != nil {
			first = firstErr(first, derr)
		} else if ev.Format != "" { // else skipped
			d.out = append(d.out, ev)
		}
	}
	if first != nil {
		return d.out, first
	}
	return d.out, nil
}

// scrubLogEvents scrubs the objects (see scrubObjects) of each log event's
// message in a CloudWatch Logs subscription message, which are JSON text
// in a string where the envelope's own scrub cannot see them. It reports
// whether it changed anything.
func (d *Decoder) scrubLogEvents(v *fastjson.Value) bool {
	var a fastjson.Arena
	changed := false
	for _, item := range v.GetArray("logEvents") {
		m := item.Get("message")
		if m == nil || m.Type() != fastjson.TypeString {
			continue
		}
		b := m.GetStringBytes()
		inner, err := d.inner.ParseBytes(b)
		if err == nil && len(d.scrubObjects(inner, b, FormatAuto)) > 0 {
			item.Set("message", a.NewStringBytes(appendJSON(nil, inner)))
			changed = true
		}
	}
	return changed
}
