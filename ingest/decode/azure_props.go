package decode

import (
	"strings"

	"github.com/valyala/fastjson"
)

// azureProps reads a record's properties: properties.<camelCase> in a
// diagnostic export, or <PascalCase> columns at the top of a Log Analytics
// row (flat), where a few are named apart (IPAddress, LocationDetails).
type azureProps struct {
	r    *reader
	o    *fastjson.Value
	flat bool
}

// key is the first present of name, also and name in PascalCase (name
// when none is), and its path.
func (p azureProps) key(name string, also ...string) (key, path string) {
	names := append(append([]string{name}, also...), strings.ToUpper(name[:1])+name[1:])
	key = azKey(p.o, names...)
	if p.flat {
		return key, key
	}
	return key, "properties." + key
}

// has reports whether the record holds name (in either case).
func (p azureProps) has(name string) bool {
	key, _ := p.key(name)
	return p.o.Get(key) != nil
}

// str reads an optional string.
func (p azureProps) str(name string, also ...string) string {
	key, path := p.key(name, also...)
	return p.r.str(p.o, key, path, p.r.limits.MaxText)
}

// firstStr is the first of names that holds a string, reading no further:
// the others stay in the remainder.
func (p azureProps) firstStr(names ...string) string {
	for _, name := range names {
		if s := p.str(name); s != "" {
			return s
		}
	}
	return ""
}

// word reads an optional value of one of Azure's enumerations, where
// "none" is a value (nothing to say), not a placeholder: it reads as "".
func (p azureProps) word(name string) string {
	key, path := p.key(name)
	c := p.o.Get(key)
	if c == nil || c.Type() == fastjson.TypeNull {
		return ""
	}
	if s := p.r.strValue(c, path, p.r.limits.MaxString); !strings.EqualFold(s, "none") {
		return s
	}
	return ""
}

// dyn reads an optional object: an object, or the JSON text of one (Log
// Analytics keeps some of the sign-in tables' objects as strings). A
// string that holds no object is a type error.
func (p azureProps) dyn(name string, also ...string) (*fastjson.Value, string) {
	key, path := p.key(name, also...)
	return p.dynamic(p.o.Get(key), path, fastjson.TypeObject), path
}

// list reads an optional array, or the JSON text of one; nil when absent.
func (p azureProps) list(name string) ([]*fastjson.Value, string) {
	key, path := p.key(name)
	return p.dynamic(p.o.Get(key), path, fastjson.TypeArray).GetArray(), path
}

// dynamic is c when it is of type typ, or what the JSON text in c holds
// when that is; anything else is a type error.
func (p azureProps) dynamic(c *fastjson.Value, path string, typ fastjson.Type) *fastjson.Value {
	switch {
	case c == nil || c.Type() == fastjson.TypeNull:
		return nil
	case c.Type() == typ:
		return c
	case c.Type() == fastjson.TypeString:
		var parser fastjson.Parser
		if inner, err := parser.ParseBytes(c.GetStringBytes()); err == nil && inner.Type() == typ {
			return inner
		}
	}
	p.r.fail(fieldErr(path, ReasonType, "must be an %s or the JSON text of one, got %s", typ, c.Type()))
	return nil
}

// whole reads an optional whole number that fits in uint32: a number, or
// its decimal text (Log Analytics keeps AutonomousSystemNumber as text).
func (p azureProps) whole(name string) uint32 {
	key, path := p.key(name)
	return p.r.wholeOrText(p.o, key, path)
}
