package detect

import (
	"encoding/json"
	"reflect"
	"unsafe"
)

// keyVal is a value a guard reads: comparable, unboxed, and as the JSON
// input would hold it — a string, bool or number (float64), a list or
// object as canonical JSON, or absent.
type keyVal struct {
	kind keyKind
	num  float64
	str  string // a string, or a list or object's JSON
}

type keyKind uint8

const (
	keyAbsent keyKind = iota
	keyString
	keyBool // num is 1 for true
	keyNumber
	keyJSON // null, a list, an object or a time: rare on guard paths
)

// isZero reports whether the value of type t (of kind k) at p is its
// type's zero.
func isZero(p unsafe.Pointer, t reflect.Type, k reflect.Kind) bool {
	switch k {
	case reflect.String:
		return *(*string)(p) == ""
	case reflect.Bool:
		return !*(*bool)(p)
	case reflect.Pointer:
		return *(*unsafe.Pointer)(p) == nil
	case reflect.Int:
		return *(*int)(p) == 0
	case reflect.Uint32:
		return *(*uint32)(p) == 0
	case reflect.Float64:
		return *(*float64)(p) == 0
	}
	return reflect.NewAt(t, p).Elem().IsZero()
}

// read is the value of type t (of kind k) at p.
func read(p unsafe.Pointer, t reflect.Type, k reflect.Kind) keyVal {
	switch k {
	case reflect.String:
		return keyVal{kind: keyString, str: *(*string)(p)}
	case reflect.Bool:
		return boolKey(*(*bool)(p))
	case reflect.Float64:
		return keyVal{kind: keyNumber, num: *(*float64)(p)}
	case reflect.Int:
		return keyVal{kind: keyNumber, num: float64(*(*int)(p))}
	case reflect.Uint32:
		return keyVal{kind: keyNumber, num: float64(*(*uint32)(p))}
	}
	return valueOf(reflect.NewAt(t, p).Elem())
}

// valueOf is read by reflection: map values and the kinds read does not
// handle itself.
func valueOf(v reflect.Value) keyVal {
	switch v.Kind() {
	case reflect.String:
		return keyVal{kind: keyString, str: v.String()}
	case reflect.Bool:
		return boolKey(v.Bool())
	case reflect.Int, reflect.Int64, reflect.Int32, reflect.Int16, reflect.Int8:
		return keyVal{kind: keyNumber, num: float64(v.Int())}
	case reflect.Uint, reflect.Uint64, reflect.Uint32, reflect.Uint16, reflect.Uint8:
		return keyVal{kind: keyNumber, num: float64(v.Uint())}
	case reflect.Float64, reflect.Float32:
		return keyVal{kind: keyNumber, num: v.Float()}
	case reflect.Pointer:
		if v.IsNil() {
			return keyVal{}
		}
	}
	b, _ := json.Marshal(v.Interface())
	return keyVal{kind: keyJSON, str: string(b)}
}

func boolKey(b bool) keyVal {
	if b {
		return keyVal{kind: keyBool, num: 1}
	}
	return keyVal{kind: keyBool}
}

// any is v as a JSON-decoded Go value (tests compare it with the AST's).
func (v keyVal) any() any {
	switch v.kind {
	case keyString:
		return v.str
	case keyBool:
		return v.num == 1
	case keyNumber:
		return v.num
	case keyJSON:
		var out any
		_ = json.Unmarshal([]byte(v.str), &out)
		return out
	}
	return nil
}
