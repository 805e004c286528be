package redact

import "strings"

// pairValueKeys are the members of a decoded object (see scrubJSON) whose
// string values are secrets by their object's other members: a pair's
// value under a secret's name ({"name":"\/prod\/db\/password","value":…},
// which the scan of the escaped text reads as one name), and a
// SecureString's value.
func pairValueKeys(m map[string]any) []string {
	var keys []string
	for _, p := range pairKeys {
		name, _ := memberFold(m, p.name).(string)
		if name != "" && secretKey([]byte(name[strings.LastIndexByte(name, '/')+1:])) {
			keys = append(keys, p.value)
		}
	}
	if t, _ := memberFold(m, "type").(string); strings.EqualFold(t, "SecureString") {
		keys = append(keys, "value")
	}
	return keys
}

// memberFold is m's member named name in any case, nil when none.
func memberFold(m map[string]any, name string) any {
	if v, ok := m[name]; ok {
		return v
	}
	for k, v := range m {
		if strings.EqualFold(k, name) {
			return v
		}
	}
	return nil
}
