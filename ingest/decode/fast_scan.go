package decode

import (
	"bytes"
	"encoding/binary"
	"unsafe"
)

// plain reports whether msg is one the fast path may read: no backslash
// (no string needs unescaping), no control byte (so no whitespace but
// spaces) and nothing past ASCII (so a string's bytes are its characters
// and valid UTF-8). Eight bytes at a time.
func plain(msg []byte) bool {
	const ones, highs, slashes = 0x0101010101010101, 0x8080808080808080, 0x5c5c5c5c5c5c5c5c
	b := msg
	for ; len(b) >= 8; b = b[8:] {
		x := binary.LittleEndian.Uint64(b)
		y := x ^ slashes
		if (x|(x-ones*0x20)&^x|(y-ones)&^y)&highs != 0 {
			return false
		}
	}
	for _, c := range b {
		if c < 0x20 || c >= 0x80 || c == '\\' {
			return false
		}
	}
	return true
}

// fastScan reads a plain message in one pass. A step that meets anything it
// does not expect marks the scan bad and moves to the end, so every later
// step returns zero values: the caller checks bad once, at the end.
type fastScan struct {
	b     []byte
	i     int
	bad   bool
	alias bool         // strings may share b (Decoder.ShareInput)
	arena *stringArena // else they are copied here (nil: each allocated)
}

func (s *fastScan) fail() { s.bad, s.i = true, len(s.b) }

func (s *fastScan) spaces() {
	for s.i < len(s.b) && s.b[s.i] == ' ' {
		s.i++
	}
}

// eat skips spaces and reads c if it is next.
func (s *fastScan) eat(c byte) bool {
	s.spaces()
	if s.i < len(s.b) && s.b[s.i] == c {
		s.i++
		return true
	}
	return false
}

// raw reads a string's bytes (plain: the next quote closes it).
func (s *fastScan) raw() []byte {
	if !s.eat('"') {
		s.fail()
		return nil
	}
	j := bytes.IndexByte(s.b[s.i:], '"')
	if j < 0 {
		s.fail()
		return nil
	}
	r := s.b[s.i : s.i+j : s.i+j]
	s.i += j + 1
	return r
}

// text reads a string of at most max characters.
func (s *fastScan) text(max int) string {
	r := s.raw()
	if len(r) > max {
		s.fail()
	}
	return s.str(r)
}

// str is r, a string of the message, as a string.
func (s *fastScan) str(r []byte) string {
	switch {
	case len(r) == 0 || s.bad:
		return ""
	case s.alias:
		return unsafe.String(&r[0], len(r))
	}
	return s.arena.text(r)
}
