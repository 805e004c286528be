// Package redact finds credential material in text and replaces it with a
// keyed, non-reversible reference, "redacted:<first 16 hex of
// HMAC-SHA256(key, secret)>", so that the same secret always maps to the same
// reference without the reference revealing it.
//
// It finds platform tokens, cloud keys, JWTs, private keys and URL
// passwords (nine hand-written patterns and gitleaks' default rules, each
// tried only where one of its literals occurs), the values of fields,
// variables and command-line flags named like secrets ("password":"…",
// AWS_SECRET_ACCESS_KEY=…, --db-password v, and
// {"name":"DB_PASSWORD","value":"…"} either way round), credentials in URL
// queries (?key=…, &sig=…), and, through Message, credentials that JSON
// escapes spell.
package redact

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"hash"
	"strings"
	"sync"
	"unsafe"
)

// Prefix starts every replacement.
const Prefix = "redacted:"

// Redactor scrubs credential material. It is safe for concurrent use.
type Redactor struct {
	cat  *catalogue
	macs sync.Pool // of hash.Hash keyed with the redaction key
	bufs sync.Pool // of *[]byte, for unescaped views of messages
}

// New returns a Redactor keyed with key (at least 16 bytes).
func New(key []byte) (*Redactor, error) {
	if len(key) < 16 {
		return nil, errors.New("redaction key: must be at least 16 bytes")
	}
	cat, err := loadCatalogue()
	if err != nil {
		return nil, err
	}
	k := bytes.Clone(key)
	r := &Redactor{cat: cat}
	r.macs.New = func() any { return hmac.New(sha256.New, k) }
	r.bufs.New = func() any { return new([]byte) }
	return r, nil
}

// Reference returns the stable redacted reference for secret.
func (r *Redactor) Reference(secret []byte) string {
	m := r.macs.Get().(hash.Hash)
	m.Reset()
	m.Write(secret)
	var sum [sha256.Size]byte
	out := m.Sum(sum[:0])
	r.macs.Put(m)
	return Prefix + hex.EncodeToString(out[:8])
}

// Bytes returns b with every credential replaced, and the kind of each
// replacement (the rule's kind: a pattern name, a gitleaks rule id,
// KindField or KindAssignment). When nothing matches it returns b itself and
// nil (no allocation). A replacement can complete a new match with the text
// before it ("hf_00" + "redacted..."), so passes repeat until one finds
// nothing.
func (r *Redactor) Bytes(b []byte) ([]byte, []string) {
	var kinds []string
	for range maxPasses {
		spans := r.cat.find(b)
		if len(spans) == 0 {
			break
		}
		n := len(kinds)
		if b, kinds = r.apply(b, merge(spans), kinds); len(kinds) == n {
			break
		}
	}
	return b, kinds
}

// maxPasses bounds the fixpoint loop; real input settles in one or two.
const maxPasses = 16

// String is Bytes for a string.
func (r *Redactor) String(s string) (string, []string) {
	if len(s) == 0 || r.cat.find(unsafe.Slice(unsafe.StringData(s), len(s))) == nil {
		return s, nil
	}
	b, kinds := r.Bytes([]byte(s))
	return string(b), kinds
}

// Field redacts value, the string value of a field called key in a parsed
// object: all of it when key names a secret (KindField) and value is not a
// placeholder (${VAR}, ********), else as String. A
// key with '/' is judged by its last segment: authorization.k8s.io/decision
// (an annotation) holds no credential.
func (r *Redactor) Field(key, value string) (string, []string) {
	if name := key[strings.LastIndexByte(key, '/')+1:]; value != "" && secretKey(name) && !isReference([]byte(value), 0, len(value)) &&
		!weakSetting(name, string(normalize(make([]byte, 0, maxName), name)), []byte(value)) && !placeholder([]byte(value)) {
		return r.Reference([]byte(value)), []string{KindField}
	}
	return r.String(value)
}
