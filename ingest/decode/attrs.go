package decode

import (
	"github.com/valyala/fastjson"

	"github.com/credwatch/credwatch/event"
)

// flatAttrs keeps a vendor object's scalar values as attributes with dotted
// keys ("debugContext.debugData.requestUri"), three levels deep, at most
// MaxAttrs of them; arrays and deeper values stay in the raw event.
func (r *reader) flatAttrs(o *fastjson.Value, path string) map[string]string {
	if o == nil {
		return nil
	}
	out := map[string]string{}
	r.flatten(o, "", path, 0, out)
	delete(out, "credwatch_action")
	if len(out) == 0 {
		return nil
	}
	return out
}

func (r *reader) flatten(o *fastjson.Value, prefix, path string, depth int, out map[string]string) {
	obj, _ := o.Object()
	obj.Visit(func(k []byte, val *fastjson.Value) {
		key := prefix + string(k)
		if len(out) >= r.limits.MaxAttrs || len(key) > r.limits.MaxString {
			return
		}
		switch val.Type() {
		case fastjson.TypeString:
			if s := r.strValue(val, path, r.limits.MaxText); s != "" && !isPlaceholder(s) { // path, not key: warnings are metric labels
				out[key] = s
			}
		case fastjson.TypeNumber, fastjson.TypeTrue, fastjson.TypeFalse:
			out[key] = val.String()
			r.carried(val)
		case fastjson.TypeObject:
			if depth < 2 {
				r.flatten(val, key+".", path, depth+1, out)
			}
		}
	})
}

// setAttr sets one attribute when value is not empty.
func setAttr(ev *event.Event, key, value string) {
	if value == "" {
		return
	}
	if ev.Attrs == nil {
		ev.Attrs = map[string]string{}
	}
	ev.Attrs[key] = value
}
