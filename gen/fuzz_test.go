package gen_test

import (
	"encoding/json"
	"testing"

	"github.com/credwatch/credwatch/gen"
)

// FuzzAppendJSON: any string gives valid JSON that decodes like encoding/json's.
func FuzzAppendJSON(f *testing.F) {
	for _, s := range tricky {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		ev := full(s)
		ours := gen.AppendJSON(nil, &ev)
		if !json.Valid(ours) {
			t.Fatalf("invalid JSON for %q: %s", s, ours)
		}
		std, _ := json.Marshal(&ev)
		var a, b map[string]any
		if json.Unmarshal(std, &a) != nil || json.Unmarshal(ours, &b) != nil || !equalIgnoringEmpty(a, b) {
			t.Fatalf("%q: encoding/json %s, ours %s", s, std, ours)
		}
	})
}

// equalIgnoringEmpty compares decoded objects; an empty string, left out
// by AppendJSON, equals a missing one.
func equalIgnoringEmpty(a, b map[string]any) bool {
	for _, m := range []map[string]any{a, b} {
		for k, v := range m {
			switch v := v.(type) {
			case string:
				if v == "" {
					delete(m, k)
				}
			case map[string]any:
				if k != "attrs" {
					equalIgnoringEmpty(v, v)
				}
			}
		}
	}
	aj, _ := json.Marshal(a)
	bj, _ := json.Marshal(b)
	return string(aj) == string(bj)
}
