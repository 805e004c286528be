package decode

import (
	"testing"

	"github.com/valyala/fastjson"
)

var checkJSONSeeds = []string{
	`{"a":1}`, `{"a":-0.5e+10,"b":[1,2.25,-3E-2],"c":true,"d":null,"e":false}`,
	`{"a":1-2}`, `{"a":01}`, `{"a":1.}`, `{"a":.5}`, `{"a":-}`, `{"a":1e}`, `{"a":1e+}`,
	`{"a":inf}`, `{"a":-Inf}`, `{"a":NaN}`, `{"a":+1}`, `{"a":[1,nan]}`, `{"a":0x10}`,
	`{"a":"tab\there"}`, "{\"a\":\"ctl\x01\"}", `{"a":"bad \x escape"}`, `{"a":"\u00e9"}`,
	"{\n  \"a\": 1\n}", `{"a":"x"} `, `{ "a" : [ 1 , { "b" : 2 } ] }`, `{"k\u0001":1}`,
	`{"a":"1-2","b":"inf"}`, `{"a":-01}`, `{"a":1.5e3}`, `{"a":0e0}`, `{"a":-0}`,
}

// TestCheckJSONMatchesValidate: on every message fastjson parses, checkJSON
// agrees with the full validator.
func TestCheckJSONMatchesValidate(t *testing.T) {
	for _, s := range checkJSONSeeds {
		agreeWithValidate(t, []byte(s))
	}
}

func FuzzCheckJSON(f *testing.F) {
	for _, s := range checkJSONSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(agreeWithValidate)
}

func agreeWithValidate(t *testing.T, msg []byte) {
	var p fastjson.Parser
	if _, err := p.ParseBytes(msg); err != nil {
		return
	}
	want := fastjson.ValidateBytes(msg) == nil
	if got := checkJSON(msg) == nil; got != want {
		t.Fatalf("checkJSON(%q) valid=%v, fastjson.ValidateBytes valid=%v", msg, got, want)
	}
}
