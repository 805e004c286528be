package redact

import "bytes"

// maxObject bounds how far approleSecret looks for the object's role_id.
const maxObject = 512

// approleSecret reports whether the name b[ns:ne], normalized n, is a
// Vault AppRole secret_id: beside a role_id in the same object
// ({"role_id":"…","secret_id":"v"}), the login's body. Alone, secret_id
// names a secret (this product's own events carry it) and stays; so does
// the HMAC of one that Vault's audit log writes (hmac-sha256:…), by which
// a known secret_id is matched.
func approleSecret(b []byte, ns, ne int, n string) bool {
	if n != "secretid" || hmacValue(b, ne) {
		return false
	}
	lo := ns
	for lo > 0 && ns-lo < maxObject && b[lo-1] != '{' && b[lo-1] != '}' {
		lo--
	}
	hi := ne
	for hi < len(b) && hi-ne < maxObject && b[hi] != '}' && b[hi] != '{' {
		hi++
	}
	obj := b[lo:hi]
	return bytes.Contains(obj, []byte("role_id")) || bytes.Contains(obj, []byte("roleId")) || bytes.Contains(obj, []byte("RoleId"))
}

// hmacValue reports whether the value after the name ending at b[ne]
// (past its quotes, ':' or '=' and spaces) is a Vault audit HMAC.
func hmacValue(b []byte, ne int) bool {
	i := ne
	for i < len(b) && i-ne < 8 && bytes.IndexByte([]byte(`"\\: =`), b[i]) >= 0 {
		i++
	}
	return bytes.HasPrefix(b[i:], []byte("hmac-"))
}
