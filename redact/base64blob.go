package redact

import "encoding/base64"

// Bounds of a base64 blob looked into: shorter ones hold no credential
// with its name, longer ones are files (whose secrets the rules see where
// they are stored plainly).
const (
	minBase64Blob = 16
	maxBase64Blob = 64 << 10
)

// base64At looks into the base64 blob starting at s.b[at] (a mark's start):
// when its text holds a secret, the whole blob is one. A mark inside a
// longer run of base64 (a hash, an id) starts no blob.
func (s *scan) base64At(at int) {
	if at > 0 && base64Byte(s.b[at-1]) {
		return
	}
	end := at
	for end < len(s.b) && end-at < maxBase64Blob && base64Byte(s.b[end]) {
		end++
	}
	blob := s.b[at:end]
	for end < len(s.b) && s.b[end] == '=' && end-at < len(blob)+2 {
		end++
	}
	if len(blob) < minBase64Blob {
		return
	}
	text, ok := decodeBase64Text(blob)
	if !ok {
		return
	}
	if spans := s.c.findDepth(text, s.depth-1); len(spans) > 0 {
		s.addSpan(spans[0].rule, at, end)
	}
}

// decodeBase64Text decodes blob (standard or URL alphabet, padding
// dropped) when it spells text: printable ASCII, tabs and line breaks.
func decodeBase64Text(blob []byte) ([]byte, bool) {
	enc := base64.RawStdEncoding
	for _, c := range blob {
		if c == '-' || c == '_' {
			enc = base64.RawURLEncoding
			break
		}
	}
	if len(blob)%4 == 1 { // a stray last byte: no base64 length
		blob = blob[:len(blob)-1]
	}
	text := make([]byte, enc.DecodedLen(len(blob)))
	n, err := enc.Decode(text, blob)
	if err != nil {
		return nil, false
	}
	text = text[:n]
	for _, c := range text {
		if (c < 0x20 || c > 0x7e) && c != '\t' && c != '\n' && c != '\r' {
			return nil, false
		}
	}
	return text, true
}

// base64Byte reports whether c is of a base64 alphabet (standard or URL).
func base64Byte(c byte) bool {
	return 'A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '+' || c == '/' || c == '-' || c == '_'
}
