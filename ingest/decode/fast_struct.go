package decode

import "bytes"

// Structure for the fast path. An empty object or array is refused: the
// general path keeps it in the event's remainder, which the fast path
// never computes.

// open reads the '{' of a non-empty object.
func (s *fastScan) open() {
	if !s.eat('{') || s.eat('}') {
		s.fail()
	}
}

// key reads the next member's key and colon; nil after the closing '}' (or
// once the scan is bad).
func (s *fastScan) key(first bool) []byte {
	if s.bad {
		return nil
	}
	if !first {
		if s.eat('}') {
			return nil
		}
		if !s.eat(',') {
			s.fail()
			return nil
		}
	}
	k := s.raw()
	if !s.eat(':') {
		s.fail()
		return nil
	}
	return k
}

// once marks member bit of an object as read: a repeated member is
// refused (the general path keeps the first and the remainder the second).
func (s *fastScan) once(seen *uint32, bit uint32) {
	if *seen&bit != 0 {
		s.fail()
	}
	*seen |= bit
}

// boolean reads true or false.
func (s *fastScan) boolean() bool {
	s.spaces()
	switch rest := s.b[s.i:]; {
	case bytes.HasPrefix(rest, []byte("true")):
		s.i += 4
		return true
	case bytes.HasPrefix(rest, []byte("false")):
		s.i += 5
	default:
		s.fail()
	}
	return false
}

// list reads a non-empty array of at most maxItems strings of at most max
// characters each.
func (s *fastScan) list(maxItems, max int) []string {
	if !s.eat('[') || s.eat(']') {
		s.fail()
		return nil
	}
	var out []string
	for !s.bad {
		out = append(out, s.text(max))
		if s.eat(']') {
			break
		}
		if !s.eat(',') {
			s.fail()
		}
	}
	if len(out) > maxItems {
		s.fail()
	}
	return out
}

// end reads the end of the message: nothing but spaces.
func (s *fastScan) end() {
	s.spaces()
	if s.i != len(s.b) {
		s.fail()
	}
}
