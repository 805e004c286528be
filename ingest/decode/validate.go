package decode

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"

	"github.com/valyala/fastjson"
)

// checkJSON reports what fastjson.Parse lets through in a message it
// parsed: control characters and bad escapes in strings, and malformed
// numbers ("1-2", "01", "inf"). A message with no backslash and no control
// byte (compact JSON as producers write it) needs only its literals read;
// any other goes through fastjson.ValidateBytes, which costs twice as much.
func checkJSON(msg []byte) error {
	if bytes.IndexByte(msg, '\\') >= 0 || hasControl(msg) {
		return fastjson.ValidateBytes(msg)
	}
	return checkLiterals(msg)
}

// hasControl reports whether b holds a byte below 0x20, eight at a time.
func hasControl(b []byte) bool {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	for ; len(b) >= 8; b = b[8:] {
		x := binary.LittleEndian.Uint64(b)
		if (x-ones*0x20)&^x&highs != 0 {
			return true
		}
	}
	for _, c := range b {
		if c < 0x20 {
			return true
		}
	}
	return false
}

// checkLiterals checks every literal outside strings of msg, which holds no
// backslash (so the next quote always closes a string) and was parsed.
func checkLiterals(msg []byte) error {
	for i := 0; i < len(msg); {
		switch msg[i] {
		case '"':
			i += bytes.IndexByte(msg[i+1:], '"') + 2
		case '{', '}', '[', ']', ',', ':', ' ':
			i++
		default:
			j := i
			for j < len(msg) && !isDelimiter(msg[j]) {
				j++
			}
			if !validLiteral(msg[i:j]) {
				return fmt.Errorf("cannot parse number at offset %d: %w", i, errBadNumber)
			}
			i = j
		}
	}
	return nil
}

var errBadNumber = errors.New("not a JSON number")

func isDelimiter(c byte) bool {
	switch c {
	case '{', '}', '[', ']', ',', ':', ' ', '"':
		return true
	}
	return false
}

func validLiteral(s []byte) bool {
	switch string(s) {
	case "true", "false", "null":
		return true
	}
	return validNumber(s)
}

// validNumber checks JSON's number grammar:
// -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?
func validNumber(s []byte) bool {
	if len(s) > 0 && s[0] == '-' {
		s = s[1:]
	}
	switch {
	case len(s) == 0 || !isDigit(s[0]):
		return false
	case s[0] == '0':
		s = s[1:]
	default:
		s = skipDigits(s)
	}
	if len(s) > 0 && s[0] == '.' {
		if s = s[1:]; len(s) == 0 || !isDigit(s[0]) {
			return false
		}
		s = skipDigits(s)
	}
	if len(s) > 0 && (s[0] == 'e' || s[0] == 'E') {
		s = s[1:]
		if len(s) > 0 && (s[0] == '+' || s[0] == '-') {
			s = s[1:]
		}
		if len(s) == 0 || !isDigit(s[0]) {
			return false
		}
		s = skipDigits(s)
	}
	return len(s) == 0
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func skipDigits(s []byte) []byte {
	for len(s) > 0 && isDigit(s[0]) {
		s = s[1:]
	}
	return s
}
