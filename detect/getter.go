package detect

import (
	"reflect"
	"strings"
	"unsafe"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/credwatch/credwatch/event"
)

// getter reads the value at one input path straight from the event and
// facts, as a keyVal (absent where the JSON input would have no value), so
// a guard's cache key costs no AST and no allocation: struct fields are read
// at their offsets, maps (rare on guard paths) by reflection.
// TestGettersMatchAST holds it to the AST input.
type getter struct {
	context  bool   // input.context, else input.event
	never    bool   // the path leads nowhere in the input
	opaque   bool   // the path goes below a map's composite values: not read here
	steps    []step // field or map-key steps below the root
	leaf     reflect.Type
	leafKind reflect.Kind
}

type step struct {
	offset uintptr      // of the field in its struct
	deref  bool         // the struct is behind a pointer (nil: absent)
	mapOf  reflect.Type // a map step: the map's type (read by key)
	key    string       // the map key
	omit   bool         // omitempty/omitzero: a zero value is absent
	typ    reflect.Type // the field's or map value's type
	kind   reflect.Kind // typ's
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
		return getter{never: true}
	}
	for _, term := range p[2:] {
		name := string(term.Value.(ast.String))
		s := step{}
		if t.Kind() == reflect.Pointer {
			s.deref, t = true, t.Elem()
		}
		switch t.Kind() {
		case reflect.Struct:
			f, omit, ok := jsonField(t, name)
			if !ok {
				return getter{never: true}
			}
			s.offset, s.omit, s.typ = f.Offset, omit, f.Type
		case reflect.Map:
			s.mapOf, s.key, s.typ = t, name, t.Elem()
			if len(g.steps) < len(p)-3 { // deeper than a map's value
				return getter{never: isScalar(t.Elem()), opaque: !isScalar(t.Elem())}
			}
		default:
			return getter{never: true}
		}
		s.kind = s.typ.Kind()
		g.steps = append(g.steps, s)
		t = s.typ
	}
	g.leaf, g.leafKind = t, t.Kind()
	if n := len(g.steps); n > 0 && g.steps[n-1].omit {
		for i := range g.steps[:n-1] {
			g.steps[i].omit = false // a zero parent has a zero leaf, absent all the same
		}
	}
	return g
}

func isScalar(t reflect.Type) bool {
	k := t.Kind()
	return k != reflect.Struct && k != reflect.Map && k != reflect.Pointer && k != reflect.Slice && k != reflect.Interface
}

func jsonField(t reflect.Type, name string) (reflect.StructField, bool, bool) {
	for i := range t.NumField() {
		f := t.Field(i)
		n, opts, _ := strings.Cut(f.Tag.Get("json"), ",")
		if n == name {
			return f, strings.Contains(opts, "omitempty") || strings.Contains(opts, "omitzero"), true
		}
	}
	return reflect.StructField{}, false, false
}

// get is the value at the path.
func (g getter) get(ev *event.Event, f *Facts) keyVal {
	if g.never {
		return keyVal{}
	}
	p := unsafe.Pointer(ev)
	if g.context {
		p = unsafe.Pointer(f)
	}
	for i := range g.steps {
		s := &g.steps[i]
		if s.deref {
			if p = *(*unsafe.Pointer)(p); p == nil {
				return keyVal{}
			}
		}
		if s.mapOf != nil {
			v := reflect.NewAt(s.mapOf, p).Elem().MapIndex(reflect.ValueOf(s.key))
			if !v.IsValid() {
				return keyVal{}
			}
			return valueOf(v)
		}
		if p = unsafe.Add(p, s.offset); s.omit && isZero(p, s.typ, s.kind) {
			return keyVal{}
		}
	}
	return read(p, g.leaf, g.leafKind)
}
