package decode

import (
	"github.com/valyala/fastjson"

	"github.com/credwatch/credwatch/event"
)

// ocsfUser maps an OCSF user object onto the actor.
func (r *reader) ocsfUser(ev *event.Event, u *fastjson.Value, path string) {
	if u == nil {
		return
	}
	ev.Actor.ID = r.str(u, "uid", path+".uid", r.limits.MaxString)
	if ev.Actor.ID == "" {
		ev.Actor.ID = r.str(u, "name", path+".name", r.limits.MaxString)
	}
	typ, _ := r.number(u, "type_id", path+".type_id")
	switch typ {
	case 1, 2: // User, Admin
		ev.Actor.Type = "user"
	case 3: // System
		ev.Actor.Type = "service"
	}
	if org := r.str(r.obj(u, "org", path+".org"), "uid", path+".org.uid", r.limits.MaxString); org != "" {
		ev.Actor.Tenants = []string{org}
	}
}

// ocsfSession maps session.uid and session.credential_uid (the token id).
func (r *reader) ocsfSession(ev *event.Event, s *fastjson.Value, path string) {
	ev.SessionID = r.str(s, "uid", path+".uid", r.limits.MaxString)
	ev.Token.ID = r.str(s, "credential_uid", path+".credential_uid", r.limits.MaxString)
}

// ocsfEndpoint maps src_endpoint: ip, location, autonomous_system.
func (r *reader) ocsfEndpoint(e *fastjson.Value) event.Source {
	if e == nil {
		return event.Source{}
	}
	loc := r.obj(e, "location", "src_endpoint.location")
	as := r.obj(e, "autonomous_system", "src_endpoint.autonomous_system")
	src := event.Source{
		IP:      r.ip(e, "ip", "src_endpoint.ip"),
		Country: r.country(loc, "country", "src_endpoint.location.country"),
		ASN:     r.uint32Field(as, "number", "src_endpoint.autonomous_system.number"),
		ASOrg:   r.str(as, "name", "src_endpoint.autonomous_system.name", r.limits.MaxString),
	}
	lat, okLat := r.inRange(loc, "lat", "src_endpoint.location.lat", -90, 90)
	lon, okLon := r.inRange(loc, "long", "src_endpoint.location.long", -180, 180)
	src.Lat, src.Lon, src.HasGeo = lat, lon, okLat && okLon
	return src
}

// ocsfResource maps the first of resources[] (type, uid).
func (r *reader) ocsfResource(v *fastjson.Value) event.Resource {
	c := v.Get("resources")
	if c == nil || c.Type() == fastjson.TypeNull {
		return event.Resource{}
	}
	items, err := c.Array()
	if err != nil {
		r.fail(fieldErr("resources", ReasonType, "must be an array, got %s", c.Type()))
		return event.Resource{}
	}
	if len(items) == 0 {
		return event.Resource{}
	}
	first := items[0]
	if first.Type() != fastjson.TypeObject {
		r.fail(fieldErr("resources[0]", ReasonType, "must be an object, got %s", first.Type()))
		return event.Resource{}
	}
	return event.Resource{
		Type:       r.str(first, "type", "resources[0].type", r.limits.MaxString),
		ID:         r.str(first, "uid", "resources[0].uid", r.limits.MaxString),
		Visibility: r.enum(first, "visibility", "resources[0].visibility", event.Visibilities),
	}
}

// ocsfUnmapped keeps unmapped string values as attributes.
func (r *reader) ocsfUnmapped(u *fastjson.Value) map[string]string {
	if u == nil {
		return nil
	}
	obj, _ := u.Object()
	out := map[string]string{}
	obj.Visit(func(k []byte, val *fastjson.Value) {
		if val.Type() == fastjson.TypeString && string(k) != "credwatch_action" && len(out) < r.limits.MaxAttrs {
			out[string(k)] = r.strValue(val, "unmapped."+string(k), r.limits.MaxText)
		}
	})
	if len(out) == 0 {
		return nil
	}
	return out
}
