package redact

import (
	"bytes"
	"encoding/hex"
)

// auditMark is in every Linux audit record (msg=audit(…)); hex arguments
// come only there. It starts with '=', rare in JSON events: a search for a
// mark starting with 'm' cost 8 % of scrubbing generated events.
var auditMark = []byte("=audit(")

// auditHex scrubs the hex-encoded values of Linux audit records: auditd
// writes a PROCTITLE (proctitle=6D7973…) and an EXECVE argument (a1=2D2D…)
// in hex whenever it holds a space, a quote or a NUL, so "mysql
// --password=v" is stored as hex no pattern sees. A value whose decoding
// (NULs read as spaces) holds credential material is replaced whole. msg
// comes back as itself when nothing is found.
func (r *Redactor) auditHex(msg []byte) ([]byte, []string) {
	if !bytes.Contains(msg, auditMark) {
		return msg, nil
	}
	var out []byte
	var kinds []string
	last := 0
	for i := 0; i < len(msg); i++ {
		if msg[i] != '=' || !auditKey(msg, i) {
			continue
		}
		end := i + 1
		for end < len(msg) && hexDigit(msg[end]) {
			end++
		}
		found := r.hexHolds(msg[i+1 : end])
		if len(found) > 0 {
			out = append(append(out, msg[last:i+1]...), r.Reference(msg[i+1:end])...)
			kinds, last = append(kinds, found...), end
		}
		i = end - 1
	}
	if last == 0 {
		return msg, nil
	}
	return append(out, msg[last:]...), kinds
}

// auditKey reports whether the key before the '=' at msg[i] is proctitle
// or an EXECVE argument (a0, a1 …).
func auditKey(msg []byte, i int) bool {
	if bytes.HasSuffix(msg[:i], []byte("proctitle")) {
		return true
	}
	j := i
	for j > 0 && '0' <= msg[j-1] && msg[j-1] <= '9' {
		j--
	}
	return j < i && j >= 2 && msg[j-1] == 'a' && (msg[j-2] == ' ' || msg[j-2] == '"')
}

// hexHolds returns the kinds of credential material in the decoding of h,
// an even run of hex digits of 8 or more; nil when there is none.
func (r *Redactor) hexHolds(h []byte) []string {
	if len(h) < 8 || len(h)%2 != 0 {
		return nil
	}
	dec := make([]byte, len(h)/2)
	if _, err := hex.Decode(dec, h); err != nil {
		return nil
	}
	for k, c := range dec {
		if c == 0 {
			dec[k] = ' '
		}
	}
	_, kinds := r.Bytes(dec)
	return kinds
}
