package decode

import (
	"strings"

	"github.com/valyala/fastjson"

	"github.com/credwatch/credwatch/event"
)

// onePasswordKind tells the 1Password Events API's three records apart.
func onePasswordKind(v *fastjson.Value) string {
	switch {
	case v.Get("item_uuid") != nil && v.Get("vault_uuid") != nil:
		return "itemusage"
	case v.Get("target_user") != nil || v.Get("session_uuid") != nil && v.Get("category") != nil:
		return "signinattempt"
	case v.Get("actor_uuid") != nil && v.Get("object_type") != nil:
		return "auditevent"
	}
	return ""
}

// isOnePassword reports a 1Password Events API record: one of the three
// kinds, with its uuid and timestamp.
func isOnePassword(v *fastjson.Value) bool {
	return v.Get("uuid") != nil && v.Get("timestamp") != nil && onePasswordKind(v) != ""
}

// onePassword maps a 1Password Events API record (itemusages,
// signinattempts, auditevents), one, or a page's items. A record names no
// account: its tenant is the topic's. The mapping is documented in
// docs/input/1password.md.
func (r *reader) onePassword(v *fastjson.Value) event.Event {
	l := r.limits
	kind := onePasswordKind(v)
	ev := event.Event{
		Format: event.Format1Password,
		ID:     r.str(v, "uuid", "uuid", l.MaxID),
		Time:   r.timestamp(v, "timestamp", "timestamp", true),
	}
	setAttr(&ev, "1password.record", kind)
	r.onePasswordClient(v, &ev)
	switch kind {
	case "itemusage":
		r.onePasswordItem(v, &ev)
	case "signinattempt":
		r.onePasswordSignIn(v, &ev)
	case "auditevent":
		r.onePasswordAudit(v, &ev)
	default:
		r.reject(fieldErr("item_uuid", ReasonMissing, "is required: a 1Password record is an item usage (item_uuid, vault_uuid), a sign-in attempt (target_user) or an audit event (actor_uuid, object_type)"))
	}
	return ev
}

// onePasswordUser is a user object's email, else uuid.
func (r *reader) onePasswordUser(u *fastjson.Value, path string) event.Actor {
	id := firstNonEmpty(r.str(u, "email", path+".email", r.limits.MaxString), r.str(u, "uuid", path+".uuid", r.limits.MaxString))
	if id == "" {
		return event.Actor{}
	}
	return event.Actor{ID: id, Type: "user"}
}

// onePasswordClient maps the client (its address, its app as the user
// agent, its platform and OS to attrs) and the location (country by name,
// coordinates).
func (r *reader) onePasswordClient(v *fastjson.Value, ev *event.Event) {
	n := r.limits.MaxString
	c := r.obj(v, "client", "client")
	r.callerAddress(ev, r.str(c, "ip_address", "client.ip_address", 64), "client.ip_address", "1password.client", func(string) bool { return false })
	if app := r.str(c, "app_name", "client.app_name", n); app != "" {
		ev.Source.UserAgent = strings.TrimSuffix(app+"/"+r.str(c, "app_version", "client.app_version", n), "/")
	}
	setAttr(ev, "1password.platform", strings.TrimSpace(r.str(c, "platform_name", "client.platform_name", n)+" "+r.str(c, "platform_version", "client.platform_version", n)))
	setAttr(ev, "1password.os", strings.TrimSpace(r.str(c, "os_name", "client.os_name", n)+" "+r.str(c, "os_version", "client.os_version", n)))
	loc := r.obj(v, "location", "location")
	ev.Source.Country = r.countryName(loc, "country", "location.country")
	ev.Source.Lat, ev.Source.Lon, ev.Source.HasGeo = r.coordinates(loc, "latitude", "longitude", "location")
}
