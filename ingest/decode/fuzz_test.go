package decode_test

import (
	"encoding/json"
	"os"
	"reflect"
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
	}
	d, packed := newDecoder(f), newDecoder(f).PackStrings()
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
		}
		all, _ := json.Marshal(o)
		if _, kinds := r.Bytes(all); len(kinds) > 0 {
			t.Fatalf("accepted event still holds %v: %s", kinds, all)
		}
	})
}
