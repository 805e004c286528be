package redact

import "bytes"

// yamlNext is where the value of a YAML key ending at b[i] (':' before it)
// starts when it is on the next line, as written plainly (password:⏎  v)
// or as a block scalar (password: |⏎  v), with real or JSON-escaped line
// breaks; -1 when the value is not on the next indented line.
func yamlNext(b []byte, i int) int {
	i = skipSpace(b, i)
	if i < len(b) && (b[i] == '|' || b[i] == '>') {
		for i++; i < len(b) && (b[i] == '-' || b[i] == '+' || '1' <= b[i] && b[i] <= '9'); i++ {
		}
		i = skipSpace(b, i)
	}
	n := lineBreak(b, i)
	if n == 0 {
		return -1
	}
	j := skipSpace(b, i+n)
	if j == i+n || j >= len(b) || lineBreak(b, j) > 0 {
		return -1 // the next line is not indented, or empty
	}
	if b[j] == '-' && j+1 < len(b) && b[j+1] == ' ' || bytes.Contains(b[j:lineEnd(b, j)], []byte(": ")) {
		return -1 // a sequence or a mapping: its own names are judged
	}
	return j
}

// lineBreak is the length of the line break at b[i]: \n, \r\n or their
// JSON escapes; 0 if none.
func lineBreak(b []byte, i int) int {
	switch {
	case i < len(b) && b[i] == '\n':
		return 1
	case i+1 < len(b) && b[i] == '\r' && b[i+1] == '\n':
		return 2
	case i+1 < len(b) && b[i] == '\\' && b[i+1] == 'n':
		return 2
	case i+3 < len(b) && b[i] == '\\' && b[i+1] == 'r' && b[i+2] == '\\' && b[i+3] == 'n':
		return 4
	}
	return 0
}

// lineEnd is where the line starting at b[i] ends: a line break (real or
// escaped) or a quote.
func lineEnd(b []byte, i int) int {
	for ; i < len(b) && lineBreak(b, i) == 0 && b[i] != '"'; i++ {
	}
	return i
}
