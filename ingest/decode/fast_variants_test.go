package decode_test

import "strings"

// fastVariants edits a compact contract event: member order, spacing,
// repeats, nulls and empties, escapes, other scripts, numbers, limits.
func fastVariants(ev string) []string {
	body := strings.TrimSuffix(strings.TrimPrefix(ev, "{"), "}")
	out := []string{
		ev, " " + ev + " ", ev + "\n", "\r\n\t" + ev + "\r\n", ev + "\n\n" + ev, strings.ReplaceAll(ev, ",", " , "), strings.ReplaceAll(ev, ":", " : "),
		strings.ReplaceAll(ev, ",", ",\n  "), "{" + reverseMembers(body) + "}",
		"{" + body + `,"id":"again"}`, "{" + body + `,"session_id":null}`, "{" + body + `,"attrs":{}}`,
		"{" + body + `,"workload":{"id":"w","phase":"runtime","build_id":"b1"}}`,
		"{" + body + `,"secret":{"id":"s1","name":"HF_TOKEN","tenant":"t","workload":"w"}}`,
		"{" + body + `,"attrs":{"kind":"Secret","a":"b"}}`, "{" + body + `,"attrs":{"a":"b","a":"c"}}`,
		"{" + body + `,"attrs":{"a":1}}`, "{" + body + `,"extra":1}`, "{" + body + `,"Records":[]}`,
		"{" + body + `}x`, "{" + body + `,}`, "{" + body, "[" + ev + "]",
		strings.Replace(ev, `"token.use"`, `"token.us\u0065"`, 1), strings.Replace(ev, `"success"`, `"ok"`, 1),
		strings.Replace(ev, `"success"`, `""`, 1), strings.Replace(ev, `"user"`, `"robot"`, 1),
		strings.Replace(ev, `"country":"`, `"country":"x`, 1), strings.Replace(ev, `"US"`, `"us"`, 1),
		strings.Replace(ev, `"US"`, `"USA"`, 1), strings.Replace(ev, `"US"`, `"Ü"`, 1),
		strings.Replace(ev, `"ip":"`, `"ip":"::ffff:`, 1), strings.Replace(ev, `"ip":"`, `"ip":"0`, 1),
		strings.Replace(ev, `"asn":`, `"asn":1e3+`, 1), strings.Replace(ev, `"asn":`, `"asn":-`, 1),
		strings.Replace(ev, `"asn":`, `"asn":0.5+`, 1), strings.Replace(ev, `"lat":`, `"lat":1`, 1),
		strings.Replace(ev, `"lat":`, `"lat_":`, 1), strings.Replace(ev, `"lon":`, `"lon":-0`, 1),
		strings.Replace(ev, `"scopes":[`, `"scopes":[]`, 1), strings.Replace(ev, `"tenants":[`, `"tenants":[null,`, 1),
		strings.Replace(ev, `.000Z"`, `+02:00"`, 1), strings.Replace(ev, `"time":"2`, `"time":"3`, 1),
		strings.Replace(ev, `"time":"`, `"time":" `, 1), strings.Replace(ev, `"id":"`, `"id":"`+strings.Repeat("x", 130), 1),
		strings.Replace(ev, `"tenant":"`, `"tenant":"`+strings.Repeat("t", 300), 1),
		strings.Replace(ev, `"source":{`, `"source":{"internal":true,`, 1),
		strings.Replace(ev, `"source":{`, `"source":{"internal":tru,`, 1),
		strings.Replace(ev, `"actor":{`, `"actor":"`, 1), strings.Replace(ev, `"actor":{"id":"`, `"actor":{"id":"","x":"`, 1),
		strings.Replace(ev, `"created_at":"`, `"created_at":"x`, 1), strings.Replace(ev, `"created_at":"`, `"created_at":"`+`",
			"x":"`, 1),
	}
	return out
}

// reverseMembers reverses the top-level members of an object's body.
func reverseMembers(body string) string {
	var members []string
	depth, start, inStr := 0, 0, false
	for i := 0; i < len(body); i++ {
		switch c := body[i]; {
		case c == '"':
			inStr = !inStr
		case inStr:
		case c == '{' || c == '[':
			depth++
		case c == '}' || c == ']':
			depth--
		case c == ',' && depth == 0:
			members, start = append(members, body[start:i]), i+1
		}
	}
	members = append(members, body[start:])
	for i, j := 0, len(members)-1; i < j; i, j = i+1, j-1 {
		members[i], members[j] = members[j], members[i]
	}
	return strings.Join(members, ",")
}
