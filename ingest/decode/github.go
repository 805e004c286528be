package decode

import (
	"github.com/valyala/fastjson"

	"github.com/credwatch/credwatch/event"
)

// gitHub maps one github audit entry (not yet implemented).
func (r *reader) gitHub(v *fastjson.Value) event.Event {
	r.reject(fieldErr("", ReasonUnsupport, "format github is not implemented yet"))
	return event.Event{}
}
