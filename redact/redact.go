// Package redact finds credential material (platform tokens, cloud keys, JWTs,
// private keys) in text and replaces it with a keyed, non-reversible reference,
// "redacted:<first 16 hex of HMAC-SHA256(key, secret)>", so that the same secret
// always maps to the same reference without the reference revealing it.
package redact

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"hash"
	"regexp"
	"sync"
)

// Prefix starts every replacement.
const Prefix = "redacted:"

// pattern is one kind of credential material.
type pattern struct {
	kind string
	re   *regexp.Regexp
}

// No pattern is anchored on a word boundary: an escape such as "\n" before a
// token in raw JSON is a word byte, and over-redacting an identifier that merely
// embeds a token shape is the safe failure.
var patterns = []pattern{
	{"private_key", regexp.MustCompile(`-----BEGIN[A-Z0-9 ]{0,32}PRIVATE KEY-----(?:[A-Za-z0-9+/=\s:,\-]|\\[nrt/])*`)},
	{"jwt", regexp.MustCompile(`eyJ[A-Za-z0-9_\-]{5,}\.eyJ[A-Za-z0-9_\-]{5,}\.[A-Za-z0-9_\-]*`)},
	{"huggingface_token", regexp.MustCompile(`(?:hf_[A-Za-z0-9]{30,}|api_org_[A-Za-z0-9]{30,})`)},
	{"github_token", regexp.MustCompile(`(?:gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{40,})`)},
	{"aws_access_key", regexp.MustCompile(`(?:AKIA|ASIA)[A-Z0-9]{16}`)},
	{"slack_token", regexp.MustCompile(`xox[abposr]-[A-Za-z0-9\-]{10,}`)},
	{"openai_key", regexp.MustCompile(`sk-(?:proj-|svcacct-|admin-|ant-)?[A-Za-z0-9_\-]{20,}`)},
	{"gitlab_token", regexp.MustCompile(`glpat-[A-Za-z0-9_\-]{20,}`)},
}

// Redactor scrubs credential material. It is safe for concurrent use.
type Redactor struct {
	macs sync.Pool // of hash.Hash keyed with the redaction key
}

// New returns a Redactor keyed with key (at least 16 bytes).
func New(key []byte) (*Redactor, error) {
	if len(key) < 16 {
		return nil, errors.New("redaction key: must be at least 16 bytes")
	}
	k := bytes.Clone(key)
	r := &Redactor{}
	r.macs.New = func() any { return hmac.New(sha256.New, k) }
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

// Bytes returns b with every credential replaced, and the kind of each match
// in order. When nothing matches it returns b itself and nil (no allocation).
// A replacement can complete a new match with the text before it ("hf_00" +
// "redacted..."), so passes repeat until one finds nothing.
func (r *Redactor) Bytes(b []byte) ([]byte, []string) {
	var kinds []string
	for pass := 0; pass < maxPasses && mayContain(b); pass++ {
		n := len(kinds)
		b = r.pass(b, &kinds)
		if len(kinds) == n {
			break
		}
	}
	return b, kinds
}

// maxPasses bounds the fixpoint loop; real input settles in one or two.
const maxPasses = 16

func (r *Redactor) pass(b []byte, kinds *[]string) []byte {
	for _, p := range patterns {
		if !p.re.Match(b) {
			continue
		}
		b = p.re.ReplaceAllFunc(b, func(m []byte) []byte {
			*kinds = append(*kinds, p.kind)
			return []byte(r.Reference(m))
		})
	}
	return b
}

// String is Bytes for a string.
func (r *Redactor) String(s string) (string, []string) {
	if !mayContain([]byte(s)) {
		return s, nil
	}
	b, kinds := r.Bytes([]byte(s))
	return string(b), kinds
}
