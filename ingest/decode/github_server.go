package decode

import (
	"github.com/valyala/fastjson"

	"github.com/credwatch/credwatch/event"
)

// gitHubServerData fills what GitHub Enterprise Server's audit log keeps
// in data rather than at the top: the entry's id (_document_id), the
// actor's session, the request and its user agent. The token is read by
// gitHubToken, wherever it is.
func (r *reader) gitHubServerData(v *fastjson.Value, ev *event.Event) {
	d := v.Get("data")
	if d == nil || d.Type() != fastjson.TypeObject {
		return
	}
	if ev.ID == "" && d.Get("_document_id") != nil {
		ev.ID = r.str(d, "_document_id", "data._document_id", r.limits.MaxID)
	}
	if ev.SessionID == "" {
		ev.SessionID = r.scalarText(d, "actor_session", "data.actor_session")
	}
	if ev.RequestID == "" && d.Get("request_id") != nil {
		ev.RequestID = r.str(d, "request_id", "data.request_id", r.limits.MaxString)
	}
	if ev.Source.UserAgent == "" && d.Get("user_agent") != nil {
		ev.Source.UserAgent = r.str(d, "user_agent", "data.user_agent", r.limits.MaxText)
	}
}
