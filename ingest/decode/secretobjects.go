package decode

import (
	"bytes"

	"github.com/valyala/fastjson"
)

// kindSecretData names what scrubSecretObjects removed.
const kindSecretData = "k8s_secret_data"

// lastApplied is the annotation kubectl apply keeps the whole object in,
// as a JSON string: a Secret's data included.
const lastApplied = "kubectl.kubernetes.io/last-applied-configuration"

// scrubSecretObjects replaces every value held in a Kubernetes Secret's data
// and stringData, wherever the message carries one (a Kubernetes audit
// request or response object at RequestResponse level, an OCSF event that
// kept it in unmapped), with a keyed reference, and so the Secret's
// last-applied-configuration and the body of a patch of a secret (which
// has no kind). Base64 under arbitrary keys matches no credential pattern,
// so the object's kind is what tells. It reports whether it changed
// anything.
func (d *Decoder) scrubSecretObjects(v *fastjson.Value, clean []byte) bool {
	if !bytes.Contains(clean, []byte(`"Secret`)) && !bytes.Contains(clean, []byte(`"secrets"`)) {
		return false
	}
	var a fastjson.Arena
	return d.walkSecrets(&a, v)
}

// walkSecrets visits v's objects, depth-first (the parser bounds the depth).
func (d *Decoder) walkSecrets(a *fastjson.Arena, v *fastjson.Value) bool {
	changed := false
	switch v.Type() {
	case fastjson.TypeObject:
		kind := string(v.GetStringBytes("kind"))
		if kind == "Secret" {
			changed = d.redactSecret(a, v) || changed
		}
		if kind == "SecretList" {
			for _, item := range v.GetArray("items") {
				changed = d.redactSecret(a, item) || changed
			}
		}
		if string(v.GetStringBytes("objectRef", "resource")) == "secrets" {
			changed = d.redactPatch(a, v.Get("requestObject")) || changed
		}
		o, _ := v.Object()
		o.Visit(func(k []byte, c *fastjson.Value) {
			if s := d.secretsInString(a, c); s != nil {
				o.Set(string(k), s)
				changed = true
				return
			}
			changed = d.walkSecrets(a, c) || changed
		})
	case fastjson.TypeArray:
		for i, c := range v.GetArray() {
			if s := d.secretsInString(a, c); s != nil {
				v.SetArrayItem(i, s)
				changed = true
				continue
			}
			changed = d.walkSecrets(a, c) || changed
		}
	}
	return changed
}

// secretsInString is c, a string holding JSON that carries a Secret (an
// OCSF event's unmapped requestObject, a log line's object), with the
// Secret's values replaced; nil when c is no such string.
func (d *Decoder) secretsInString(a *fastjson.Arena, c *fastjson.Value) *fastjson.Value {
	b, err := c.StringBytes()
	if err != nil {
		return nil
	}
	t := bytes.TrimLeft(b, " \t\r\n")
	if len(t) > 0 && t[0] == '"' {
		return d.secretsInQuoted(a, t)
	}
	if len(t) == 0 || (t[0] != '{' && t[0] != '[') || !bytes.Contains(t, []byte(`"Secret`)) && !bytes.Contains(t, []byte(`"secrets"`)) {
		return nil
	}
	var p fastjson.Parser
	inner, err := p.ParseBytes(t)
	if err != nil || !d.walkSecrets(a, inner) {
		return nil
	}
	return a.NewString(string(appendJSON(nil, inner)))
}

// secretsInQuoted is secretsInString for JSON stringified twice (a string
// whose text is a JSON string of the object), quoted again; nil when it
// carries no Secret.
func (d *Decoder) secretsInQuoted(a *fastjson.Arena, t []byte) *fastjson.Value {
	var p fastjson.Parser
	s, err := p.ParseBytes(t)
	if err != nil || s.Type() != fastjson.TypeString {
		return nil
	}
	inner := d.secretsInString(a, s)
	if inner == nil {
		return nil
	}
	return a.NewString(string(appendJSON(nil, inner)))
}

// redactSecret replaces a Secret's values and its last-applied copy.
func (d *Decoder) redactSecret(a *fastjson.Arena, s *fastjson.Value) bool {
	changed := d.redactLeaves(a, s.Get("data"))
	changed = d.redactLeaves(a, s.Get("stringData")) || changed
	ann := s.Get("metadata", "annotations")
	if b := ann.GetStringBytes(lastApplied); len(b) > 0 {
		ann.Set(lastApplied, a.NewString(d.redactor.Reference(b)))
		changed = true
	}
	return changed
}

// redactPatch replaces the values a patch of a secret sets: a merge patch
// is a Secret without its kind (one with a kind is visited as a Secret), a
// JSON patch a list of operations.
func (d *Decoder) redactPatch(a *fastjson.Arena, p *fastjson.Value) bool {
	if p == nil {
		return false
	}
	changed := false
	switch p.Type() {
	case fastjson.TypeObject:
		if p.Get("kind") == nil {
			changed = d.redactSecret(a, p)
		}
	case fastjson.TypeArray:
		for _, op := range p.GetArray() {
			if b := op.GetStringBytes("value"); len(b) > 0 {
				op.Set("value", a.NewString(d.redactor.Reference(b)))
				changed = true
			} else {
				changed = d.redactLeaves(a, op.Get("value")) || changed
			}
		}
	}
	return changed
}

// redactLeaves replaces the string values of a data object.
func (d *Decoder) redactLeaves(a *fastjson.Arena, data *fastjson.Value) bool {
	if data == nil {
		return false
	}
	o, err := data.Object()
	if err != nil || o.Len() == 0 {
		return false
	}
	o.Visit(func(k []byte, c *fastjson.Value) {
		if b, err := c.StringBytes(); err == nil {
			o.Set(string(k), a.NewString(d.redactor.Reference(b)))
		}
	})
	return true
}
