package audit

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"strings"
	"unicode/utf8"
)

// MaxDetail is the most bytes of Detail stored; a longer Detail is cut at
// the last whole UTF-8 character within it (and is then no longer JSON).
const MaxDetail = 4096

// GenesisHash is the PrevHash of the first entry: 64 zeros.
var GenesisHash = strings.Repeat("0", 64)

// hashDomain starts every hashed encoding, so that a hash of an entry
// cannot be mistaken for a hash of anything else.
const hashDomain = "credwatch.console.audit.v1"

// canonical is the unambiguous encoding of the hashed fields: Seq and the
// unix seconds of At as 8-byte big-endian integers, then each string
// prefixed with its length as an 8-byte big-endian integer.
func canonical(e Entry) []byte {
	fields := []string{e.Actor, e.Role, e.Action, e.Tenant, e.Target, e.Detail, e.PrevHash}
	n := 8 + len(hashDomain) + 16
	for _, f := range fields {
		n += 8 + len(f)
	}
	b := make([]byte, 0, n)
	b = appendString(b, hashDomain)
	b = binary.BigEndian.AppendUint64(b, e.Seq)
	b = binary.BigEndian.AppendUint64(b, uint64(e.At.Unix()))
	for _, f := range fields {
		b = appendString(b, f)
	}
	return b
}

func appendString(b []byte, s string) []byte {
	b = binary.BigEndian.AppendUint64(b, uint64(len(s)))
	return append(b, s...)
}

// hashOf is the hex SHA-256 of e's canonical encoding (e.Hash is ignored).
func hashOf(e Entry) string {
	sum := sha256.Sum256(canonical(e))
	return hex.EncodeToString(sum[:])
}

// truncate cuts s to at most limit bytes, at a UTF-8 character boundary.
func truncate(s string, limit int) string {
	if len(s) <= limit {
		return s
	}
	cut := limit
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut]
}
