package detect

import (
	"encoding/json"
	"reflect"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/credwatch/credwatch/event"
)

// getter reads the value at one input path straight from the event and
// facts, as a comparable Go value (nil where the JSON input would have no
// value), so a guard's cache key costs no AST. TestGettersMatchAST holds
// it to the AST input.
type getter struct {
	context bool   // input.context, else input.event
	steps   []step // field or map-key steps below the root
}

type step struct {
	field int    // struct field index, or -1 for a map key
	key   string // the map key
	omit  bool   // omitempty/omitzero: a zero value is absent
}

var (
	eventType = reflect.TypeFor[event.Event]()
	factsType = reflect.TypeFor[Facts]()
)

// newGetter compiles path (input.event.… or input.context.…).
func newGetter(p ast.Ref) getter {
	var g getter
	t := eventType
	if root := string(p[1].Value.(ast.String)); root == "context" {
		g.context, t = true, factsType
	} else if root != "event" {
		return getter{steps: []step{{field: -2}}} // never defined
	}
	for _, term := range p[2:] {
		name := string(term.Value.(ast.String))
		for t.Kind() == reflect.Pointer {
			t = t.Elem()
		}
		switch t.Kind() {
		case reflect.Struct:
			i, omit := jsonField(t, name)
			if i < 0 {
				return getter{steps: []step{{field: -2}}}
			}
			g.steps = append(g.steps, step{field: i, omit: omit})
			t = t.Field(i).Type
		case reflect.Map:
			g.steps = append(g.steps, step{field: -1, key: name})
			t = t.Elem()
		default:
			return getter{steps: []step{{field: -2}}}
		}
	}
	return g
}

func jsonField(t reflect.Type, name string) (int, bool) {
	for i := range t.NumField() {
		tag := t.Field(i).Tag.Get("json")
		n, opts, _ := strings.Cut(tag, ",")
		if n == name {
			return i, strings.Contains(opts, "omitempty") || strings.Contains(opts, "omitzero")
		}
	}
	return -1, false
}

// get is the value at the path: a string, bool, number (float64), a list
// or object rendered to a canonical string, or nil when absent.
func (g getter) get(ev *event.Event, f *Facts) any {
	v := reflect.ValueOf(ev).Elem()
	if g.context {
		v = reflect.ValueOf(f).Elem()
	}
	for _, s := range g.steps {
		for v.Kind() == reflect.Pointer {
			if v.IsNil() {
				return nil
			}
			v = v.Elem()
		}
		switch {
		case s.field == -2:
			return nil
		case s.field == -1:
			if v.Kind() != reflect.Map {
				return nil
			}
			if v = v.MapIndex(reflect.ValueOf(s.key)); !v.IsValid() {
				return nil
			}
		default:
			if v.Kind() != reflect.Struct {
				return nil
			}
			if v = v.Field(s.field); s.omit && v.IsZero() {
				return nil
			}
		}
	}
	return keyValue(v)
}

func keyValue(v reflect.Value) any {
	switch v.Kind() {
	case reflect.String:
		return v.String()
	case reflect.Bool:
		return v.Bool()
	case reflect.Int, reflect.Int64, reflect.Int32:
		return float64(v.Int())
	case reflect.Uint, reflect.Uint64, reflect.Uint32:
		return float64(v.Uint())
	case reflect.Float64, reflect.Float32:
		return v.Float()
	case reflect.Pointer:
		if v.IsNil() {
			return nil
		}
	}
	b, _ := json.Marshal(v.Interface()) // lists, objects, times: rare on guard paths
	return "\x00" + string(b)
}
