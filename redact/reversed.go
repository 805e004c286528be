package redact

import "bytes"

// valueBefore finds the member before the one whose name opens with q at
// b[i]: when it is a string called name, it returns where the string's
// text starts and ends; when it is another string member, minus where its
// name opens, and 0; else 0, 0.
func valueBefore(b []byte, i int, q []byte, name string) (int, int) {
	for i > 0 && (b[i-1] == ' ' || b[i-1] == '\t') {
		i--
	}
	if i == 0 || b[i-1] != ',' {
		return 0, 0
	}
	for i--; i > 0 && (b[i-1] == ' ' || b[i-1] == '\t'); i-- {
	}
	if !bytes.HasSuffix(b[:i], q) || !delimiter(b, i-1, q) {
		return bareBefore(b, i, q)
	}
	end := i - len(q)
	open := end - 1
	for open >= 0 && (b[open] != '"' || !delimiter(b, open, q)) {
		open--
	}
	if open < 0 {
		return 0, 0
	}
	start := open + 1
	key, at := memberBefore(b, start-len(q), q)
	switch {
	case key == nil:
		return 0, 0
	case !bytes.EqualFold(key, []byte(name)):
		return -at, 0 // another string member, whose name opens at at
	}
	return start, end
}

// bareBefore is valueBefore's answer for a member whose value, ending at
// b[i], is a literal or a number ("overwrite": true): minus where its name
// opens, and 0; else 0, 0.
func bareBefore(b []byte, i int, q []byte) (int, int) {
	j := i
	for j > 0 && (b[j-1] >= 'a' && b[j-1] <= 'z' || b[j-1] >= '0' && b[j-1] <= '9' || b[j-1] == '.' || b[j-1] == '-' || b[j-1] == '+') {
		j--
	}
	if j == i {
		return 0, 0
	}
	if key, at := memberBefore(b, j, q); key != nil {
		return -at, 0
	}
	return 0, 0
}

// valueBeforeN is valueBefore looking past up to maxLater string members
// before the one at b[i]: {"value":"v","type":"PLAINTEXT","name":"DB_PASSWORD"}.
func valueBeforeN(b []byte, i int, q []byte, name string) (int, int) {
	for range maxLater {
		vs, ve := valueBefore(b, i, q, name)
		if vs >= 0 {
			return vs, ve
		}
		i = -vs
	}
	return 0, 0
}

// delimiter reports whether the '"' at b[j] opens or closes a string
// quoted with q: in JSON text (q is `"`) a quote after an even run of
// backslashes; in JSON inside a JSON string (q is `\"`) a quote after 4k+1
// of them, an escaped quote after k escaped backslash pairs.
func delimiter(b []byte, j int, q []byte) bool {
	n := 0
	for k := j - 1; k >= 0 && b[k] == '\\'; k-- {
		n++
	}
	if len(q) == 1 {
		return n%2 == 0
	}
	return n%4 == 1
}
