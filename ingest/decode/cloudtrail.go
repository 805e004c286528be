package decode

import (
	"github.com/valyala/fastjson"

	"github.com/credwatch/credwatch/event"
)

// cloudTrail maps one cloudtrail audit entry (not yet implemented).
func (r *reader) cloudTrail(v *fastjson.Value) event.Event {
	r.reject(fieldErr("", ReasonUnsupport, "format cloudtrail is not implemented yet"))
	return event.Event{}
}

// cloudTrailAction maps a known AWS API call to the catalogue (stub).
func cloudTrailAction(eventSource, eventName string) (string, bool) { return "", false }
