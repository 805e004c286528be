package decode_test

import (
	"encoding/json"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/credwatch/credwatch/redact"
)

// FuzzDecode checks that no input panics, that every rejection is a
// *decode.Error, and that nothing accepted still holds credential material.
func FuzzDecode(f *testing.F) {
	for _, s := range goldenInputs(f) {
		b, err := os.ReadFile(s)
		if err == nil {
			f.Add(b)
		}
		if err == nil && strings.Contains(s, "cloudwatch_logs") {
			f.Add(gz(b)) // as CloudWatch Logs writes to Kinesis
		}
	}
	d, packed := newDecoder(f).CarryRemainder(), newDecoder(f).PackStrings().CarryRemainder()
	r, _ := redact.New([]byte("another-key-for-checking-only"))
	f.Fuzz(func(t *testing.T, msg []byte) {
		o := decodeOutcome(d, msg)
		if p := decodeOutcome(packed, msg); !reflect.DeepEqual(o, p) {
			t.Fatalf("packed strings decode differently:\n%+v\n%+v", o, p)
		}
		if o.Error != nil && len(o.Events) == 0 {
			if o.Error.Reason == "" {
				t.Fatalf("rejection without a reason: %+v", o.Error)
			}
			if _, kinds := r.Bytes(d.Scrub(msg)); len(kinds) > 0 {
				t.Fatalf("scrubbed rejected message still holds %v", kinds)
			}
			return
		}
		for _, ev := range o.Events {
			if !json.Valid([]byte(ev.Raw)) {
				t.Fatalf("stored raw is not JSON: %q", ev.Raw)
			}
			requireWithin(t, ev.Unmapped, ev.Raw)
		}
		all, _ := json.Marshal(o)
		if _, kinds := r.Bytes(all); len(kinds) > 0 {
			t.Fatalf("accepted event still holds %v: %s", kinds, all)
		}
	})
}

// requireWithin fails unless unmapped is empty or a JSON object each of
// whose members is in the object raw, with the same value or (for an
// object) recursively within it.
func requireWithin(t *testing.T, unmapped, raw string) {
	if unmapped == "" {
		return
	}
	var u, r map[string]any
	if err := json.Unmarshal([]byte(unmapped), &u); err != nil || len(u) == 0 {
		t.Fatalf("unmapped is not a non-empty object: %q", unmapped)
	}
	if err := json.Unmarshal([]byte(raw), &r); err != nil {
		t.Fatalf("raw is not an object: %q", raw)
	}
	if !within(u, r) {
		t.Fatalf("unmapped %s is not part of raw %s", unmapped, raw)
	}
}

func within(u, r map[string]any) bool {
	for k, v := range u {
		rv, ok := r[k]
		if !ok {
			return false
		}
		uo, isObj := v.(map[string]any)
		ro, rIsObj := rv.(map[string]any)
		if isObj && rIsObj && len(uo) > 0 {
			if !within(uo, ro) {
				return false
			}
		} else if !reflect.DeepEqual(v, rv) {
			return false
		}
	}
	return true
}
