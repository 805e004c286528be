package decode

import (
	"strings"

	"github.com/valyala/fastjson"

	"github.com/credwatch/credwatch/event"
)

// workspace maps one Google Workspace activity as the Admin SDK Reports API
// lists it (activities.list: one, or a page's items), or as a collector
// that splits an activity's events writes it (events as one object). The
// activity's first event is mapped; the rest stay in the remainder. The
// OAuth token audit (applicationName token) names the credential: a third
// party app's grant of a user's data. The mapping is documented in
// docs/input/workspace.md.
func (r *reader) workspace(v *fastjson.Value) event.Event {
	l := r.limits
	id := r.requiredObj(v, "id", "id", "an object with time, applicationName and customerId")
	app := strings.ToLower(r.str(id, "applicationName", "id.applicationName", l.MaxString))
	ev := event.Event{
		Format: event.FormatWorkspace,
		ID:     r.scalarText(id, "uniqueQualifier", "id.uniqueQualifier"),
		Time:   r.timestamp(id, "time", "id.time", true),
		Tenant: r.str(id, "customerId", "id.customerId", l.MaxString),
	}
	e, path := r.workspaceEvent(v)
	name := r.required(e, "name", path+".name", l.MaxString)
	if r.err != nil {
		return ev
	}
	p := workspaceParams{r: r, items: e.GetArray("parameters"), path: path + ".parameters"}
	setAttr(&ev, "workspace.application", app)
	setAttr(&ev, "workspace.event", name)
	setAttr(&ev, "workspace.event_type", r.str(e, "type", path+".type", l.MaxString))
	r.workspaceActor(v, &ev)
	r.callerAddress(&ev, r.str(v, "ipAddress", "ipAddress", 64), "ipAddress", "workspace.source", func(string) bool { return false })
	ev.Action, ev.Outcome = app+"."+name, "success"
	switch app {
	case "token":
		r.workspaceToken(p, name, &ev)
	case "login":
		workspaceLogin(p, name, &ev)
	}
	return ev
}

// workspaceEvent is the activity's first event: events[0], or events when a
// collector split the activity into one document per event.
func (r *reader) workspaceEvent(v *fastjson.Value) (*fastjson.Value, string) {
	e := v.Get("events")
	switch {
	case e == nil || e.Type() == fastjson.TypeNull:
		r.reject(fieldErr("events", ReasonMissing, "is required"))
	case e.Type() == fastjson.TypeObject:
		return e, "events"
	case e.Type() == fastjson.TypeArray && len(e.GetArray()) > 0:
		return r.obj(e, "0", "events[0]"), "events[0]"
	case e.Type() == fastjson.TypeArray:
		r.reject(fieldErr("events", ReasonMissing, "is empty"))
	default:
		r.reject(fieldErr("events", ReasonType, "must be an array, got %s", e.Type()))
	}
	return nil, "events"
}

// workspaceActor: a user by email (else profile id); a caller by API key
// (callerType KEY: actor.key) is a service. An app acting for the user
// (actor.applicationInfo) goes to attrs.
func (r *reader) workspaceActor(v *fastjson.Value, ev *event.Event) {
	a := r.obj(v, "actor", "actor")
	n := r.limits.MaxString
	email, profile := r.str(a, "email", "actor.email", n), r.scalarText(a, "profileId", "actor.profileId")
	setAttr(ev, "workspace.profile_id", profile)
	if strings.EqualFold(r.str(a, "callerType", "actor.callerType", n), "KEY") {
		ev.Actor = event.Actor{ID: firstNonEmpty(r.str(a, "key", "actor.key", n), email), Type: "service"}
	} else if id := firstNonEmpty(email, profile); id != "" {
		ev.Actor = event.Actor{ID: id, Type: "user"}
	}
	if info := r.obj(a, "applicationInfo", "actor.applicationInfo"); info != nil {
		setAttr(ev, "workspace.acting_app", r.str(info, "applicationName", "actor.applicationInfo.applicationName", n))
		setAttr(ev, "workspace.acting_client", r.str(info, "oauthClientId", "actor.applicationInfo.oauthClientId", n))
	}
}

// isWorkspaceActivity reports a Reports API activity: its kind, or (where a
// collector dropped that) an id naming an applicationName beside events.
func isWorkspaceActivity(v *fastjson.Value) bool {
	return string(v.GetStringBytes("kind")) == "admin#reports#activity" ||
		v.Get("id", "applicationName") != nil && v.Get("events") != nil
}
