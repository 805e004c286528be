package decode

import (
	"bytes"
	"encoding/base64"
	"unicode/utf8"

	"github.com/valyala/fastjson"
)

// kindFileSecret names what scrubBinaryFiles replaced.
const kindFileSecret = "k8s_file_secret"

// scrubBinaryFiles replaces each file of a Kubernetes object's binaryData
// (a ConfigMap's .env or properties file, base64) whose text holds a secret
// with a keyed reference, wherever the message carries the object: a whole
// file's base64 starts anywhere, so no mark of the scan finds it, and the
// member's name is what tells. It reports whether it changed anything.
func (d *Decoder) scrubBinaryFiles(v *fastjson.Value, clean []byte) bool {
	if !bytes.Contains(clean, []byte(`"binaryData"`)) {
		return false
	}
	var a fastjson.Arena
	return d.walkBinaryFiles(&a, v)
}

// walkBinaryFiles visits v's objects, depth-first (the parser bounds the depth).
func (d *Decoder) walkBinaryFiles(a *fastjson.Arena, v *fastjson.Value) bool {
	changed := false
	switch v.Type() {
	case fastjson.TypeObject:
		o, _ := v.Object()
		o.Visit(func(k []byte, c *fastjson.Value) {
			if string(k) == "binaryData" && c.Type() == fastjson.TypeObject {
				changed = d.redactFiles(a, c) || changed
				return
			}
			changed = d.walkBinaryFiles(a, c) || changed
		})
	case fastjson.TypeArray:
		for _, c := range v.GetArray() {
			changed = d.walkBinaryFiles(a, c) || changed
		}
	}
	return changed
}

// redactFiles replaces the files of files whose text holds a secret.
func (d *Decoder) redactFiles(a *fastjson.Arena, files *fastjson.Value) bool {
	changed := false
	o, _ := files.Object()
	o.Visit(func(k []byte, c *fastjson.Value) {
		b, err := c.StringBytes()
		if err != nil {
			return
		}
		text, err := base64.StdEncoding.DecodeString(string(b))
		if err != nil || !utf8.Valid(text) || bytes.IndexByte(text, 0) >= 0 {
			return // not base64, or no text: an image, an archive
		}
		if _, kinds := d.redactor.Bytes(text); len(kinds) > 0 {
			o.Set(string(k), a.NewString(d.redactor.Reference(b)))
			changed = true
		}
	})
	return changed
}
