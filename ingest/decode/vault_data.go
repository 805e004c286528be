package decode

import (
	"bytes"

	"github.com/valyala/fastjson"

	"github.com/credwatch/credwatch/redact"
)

// kindVaultData names what scrubVaultData replaced.
const kindVaultData = "vault_data"

// vaultHMAC starts a value Vault's audit device hashed (its default).
var vaultHMAC = []byte("hmac-sha256:")

// scrubVaultData replaces the string values under a Vault audit entry's
// request.data and response.data with keyed references. Vault hashes them
// by default; with log_raw (or a non-hashing device) they are the secrets
// read and written, AppRole secret_ids and wrapped material, and would
// reach the stored remainder and the original. Hashed values and accessors
// (token references that other entries name) stay as they are.
func (d *Decoder) scrubVaultData(v *fastjson.Value, format string) bool {
	req, resp := v.Get("request", "data"), v.Get("response", "data")
	if req == nil && resp == nil { // most messages: no sniffing the format
		return false
	}
	if format == FormatAuto {
		format = sniff(v)
	}
	if format != FormatVault {
		return false
	}
	var a fastjson.Arena
	changed := d.redactTree(&a, req)
	return d.redactTree(&a, resp) || changed
}

// scrubObjects replaces what objects of a format hold that no pattern can
// tell (a Kubernetes Secret's data, a Vault entry's data) and names the
// kinds it replaced; v is then to be marshalled again.
func (d *Decoder) scrubObjects(v *fastjson.Value, clean []byte, format string) (kinds []string) {
	if d.scrubSecretObjects(v, clean) {
		kinds = append(kinds, kindSecretData)
	}
	if d.scrubBinaryFiles(v, clean) {
		kinds = append(kinds, kindFileSecret)
	}
	if d.scrubVaultData(v, format) {
		kinds = append(kinds, kindVaultData)
	}
	return kinds
}

// redactTree replaces every string below v but hashed values and accessors.
func (d *Decoder) redactTree(a *fastjson.Arena, v *fastjson.Value) bool {
	if v == nil {
		return false
	}
	changed := false
	switch v.Type() {
	case fastjson.TypeObject:
		o, _ := v.Object()
		o.Visit(func(k []byte, c *fastjson.Value) {
			if b, err := c.StringBytes(); err == nil {
				if d.redactable(b) && string(k) != "accessor" {
					o.Set(string(k), a.NewString(d.redactor.Reference(b)))
					changed = true
				}
				return
			}
			changed = d.redactTree(a, c) || changed
		})
	case fastjson.TypeArray:
		for i, c := range v.GetArray() {
			if b, err := c.StringBytes(); err == nil {
				if d.redactable(b) {
					v.SetArrayItem(i, a.NewString(d.redactor.Reference(b)))
					changed = true
				}
				continue
			}
			changed = d.redactTree(a, c) || changed
		}
	}
	return changed
}

// redactable: a value that is neither empty, nor hashed, nor a reference
// already (the message's scrub made it one).
func (d *Decoder) redactable(b []byte) bool {
	return len(b) > 0 && !bytes.HasPrefix(b, vaultHMAC) && !bytes.HasPrefix(b, []byte(redact.Prefix))
}
