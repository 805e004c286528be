package redact

import (
	"bytes"
	"compress/gzip"
	"encoding/base64"
	"io"
)

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
// dropped) when it spells text (printable ASCII, tabs and line breaks),
// also once gunzipped (cloud-init user data often is).
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
	if bytes.HasPrefix(text, gzipMagic) {
		text = gunzipText(text)
	}
	return text, len(text) > 0 && printable(text)
}

// printable reports whether text is printable ASCII, tabs and line breaks.
func printable(text []byte) bool {
	for _, c := range text {
		if (c < 0x20 || c > 0x7e) && c != '\t' && c != '\n' && c != '\r' {
			return false
		}
	}
	return true
}

var gzipMagic = []byte{0x1f, 0x8b, 0x08}

// gunzipText is the gzip stream's text, at most maxBase64Blob bytes of it:
// nil when it is no gzip stream (what a truncated one yields is kept).
func gunzipText(gz []byte) []byte {
	r, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		return nil
	}
	text, _ := io.ReadAll(io.LimitReader(r, maxBase64Blob))
	return text
}

// base64Byte reports whether c is of a base64 alphabet (standard or URL).
func base64Byte(c byte) bool {
	return 'A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '+' || c == '/' || c == '-' || c == '_'
}
