package decode

import (
	"strconv"
	"strings"

	"github.com/valyala/fastjson"
)

// oktaTarget is one entry of a LogEvent's target list.
type oktaTarget struct {
	id, typ, login, name string
	detail               *fastjson.Value // detailEntry, when an object
	path                 string
}

// oktaTargets reads target[]: null or absent is none.
func (r *reader) oktaTargets(v *fastjson.Value) []oktaTarget {
	list := v.Get("target")
	if list == nil || list.Type() == fastjson.TypeNull {
		return nil
	}
	items, err := list.Array()
	if err != nil {
		r.fail(fieldErr("target", ReasonType, "must be an array, got %s", list.Type()))
		return nil
	}
	n := r.limits.MaxString
	var out []oktaTarget
	for i, item := range items {
		if i == r.limits.MaxList {
			break
		}
		path := "target[" + strconv.Itoa(i) + "]"
		if item.Type() != fastjson.TypeObject {
			r.fail(fieldErr(path, ReasonType, "must be an object, got %s", item.Type()))
			continue
		}
		t := oktaTarget{id: r.str(item, "id", path+".id", r.limits.MaxID), typ: r.str(item, "type", path+".type", n),
			login: r.str(item, "alternateId", path+".alternateId", n), name: r.str(item, "displayName", path+".displayName", n), path: path}
		if strings.EqualFold(t.login, "unknown") {
			t.login = ""
		}
		if d := item.Get("detailEntry"); d != nil && d.Type() == fastjson.TypeObject {
			t.detail = d
		}
		out = append(out, t)
	}
	return out
}

// oktaFind is the first target of one of types (compared without case).
func oktaFind(targets []oktaTarget, types ...string) (oktaTarget, bool) {
	for _, t := range targets {
		for _, typ := range types {
			if strings.EqualFold(t.typ, typ) {
				return t, true
			}
		}
	}
	return oktaTarget{}, false
}

// oktaUser is the login of the user a target list names (alternateId,
// else id), "" when none.
func oktaUser(targets []oktaTarget) string {
	if u, ok := oktaFind(targets, "User"); ok {
		return firstNonEmpty(u.login, u.id)
	}
	return ""
}
