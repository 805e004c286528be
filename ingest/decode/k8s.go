package decode

import (
	"github.com/valyala/fastjson"

	"github.com/credwatch/credwatch/event"
)

// k8s maps one k8s audit entry (not yet implemented).
func (r *reader) k8s(v *fastjson.Value) event.Event {
	r.reject(fieldErr("", ReasonUnsupport, "format k8s is not implemented yet"))
	return event.Event{}
}
