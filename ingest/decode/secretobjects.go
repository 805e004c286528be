package decode

import (
	"bytes"

	"github.com/valyala/fastjson"
)

// kindSecretData names what scrubSecretObjects removed.
const kindSecretData = "k8s_secret_data"

// scrubSecretObjects replaces every value held in a Kubernetes Secret's data
// and stringData, wherever the message carries one (a Kubernetes audit
// request or response object at RequestResponse level, an OCSF event that
// kept it in unmapped), with a keyed reference. Base64 under arbitrary keys
// matches no credential pattern, so the object's kind is what tells. It
// reports whether it changed anything.
func (d *Decoder) scrubSecretObjects(v *fastjson.Value, clean []byte) bool {
	if !bytes.Contains(clean, []byte(`"Secret`)) {
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
			changed = d.redactLeaves(a, v.Get("data")) || changed
			changed = d.redactLeaves(a, v.Get("stringData")) || changed
		}
		if kind == "SecretList" {
			for _, item := range v.GetArray("items") {
				changed = d.redactLeaves(a, item.Get("data")) || changed
				changed = d.redactLeaves(a, item.Get("stringData")) || changed
			}
		}
		o, _ := v.Object()
		o.Visit(func(_ []byte, c *fastjson.Value) { changed = d.walkSecrets(a, c) || changed })
	case fastjson.TypeArray:
		for _, c := range v.GetArray() {
			changed = d.walkSecrets(a, c) || changed
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
