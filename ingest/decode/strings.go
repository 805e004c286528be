package decode

import "unsafe"

// stringArena hands out the strings of one message from a single
// allocation: a decoded event has a dozen short strings, and allocating each
// on its own was a tenth of ingest's CPU. Bytes once handed out are never
// written again (the arena only appends, and never grows past the capacity
// it was made with), so the strings stay immutable. Every string of a
// message keeps the whole arena alive: use it only where events are
// short-lived (see Decoder.PackStrings).
type stringArena struct{ buf []byte }

// reset starts an arena for a message of n bytes: every string parsed from
// it fits, since unescaping never lengthens a string.
func (a *stringArena) reset(n int) { a.buf = make([]byte, 0, n) }

// text returns b as a string, from the arena when it has room.
func (a *stringArena) text(b []byte) string {
	if a == nil || len(b) == 0 || len(b) > cap(a.buf)-len(a.buf) {
		return string(b)
	}
	start := len(a.buf)
	a.buf = append(a.buf, b...)
	return unsafe.String(&a.buf[start], len(b))
}
