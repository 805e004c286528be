package decode

import (
	"github.com/valyala/fastjson"

	"github.com/credwatch/credwatch/event"
)

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
	src.Lat, src.Lon, src.HasGeo = r.coordinates(loc, "lat", "long", "src_endpoint.location")
	return src
}

// ocsfResource maps the first of resources[] (type, uid, else name).
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
		ID:         firstNonEmpty(r.str(first, "uid", "resources[0].uid", r.limits.MaxString), r.str(first, "name", "resources[0].name", r.limits.MaxString)),
		Visibility: r.enum(first, "visibility", "resources[0].visibility", event.Visibilities),
	}
}
