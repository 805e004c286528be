package decode

import (
	"github.com/valyala/fastjson"

	"github.com/credwatch/credwatch/event"
)

// vault maps one vault audit entry (not yet implemented).
func (r *reader) vault(v *fastjson.Value) event.Event {
	r.reject(fieldErr("", ReasonUnsupport, "format vault is not implemented yet"))
	return event.Event{}
}
