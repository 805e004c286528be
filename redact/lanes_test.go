package redact

import (
	"slices"
	"testing"
)

// FuzzPrefilterLanes holds the catalogue's four-lane scan to a plain scan
// from the first byte: the same hits at the same ends, and the same
// once-only literals (whose positions nothing reads).
func FuzzPrefilterLanes(f *testing.F) {
	f.Add([]byte(`{"token":{"id":"tok_1","hashed_token":"SHA256:k9f2"},"secret":{"name":"OPENAI_API_KEY"},"attrs":{"secret_name":"x"}}`))
	f.Add([]byte(`-----BEGIN RSA PRIVATE KEY-----MIIEow hooks.slack.com/services/T0 AKIAIOSFODNN7EXAMPLE xoxb-1-2 ghp_0123456789`))
	f.Add([]byte(`password=hunter2&api_key=k&client_secret=s&access_token=t&Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.e30.x`))
	c, err := loadCatalogue()
	if err != nil {
		f.Fatal(err)
	}
	a := c.ac
	f.Fuzz(func(t *testing.T, b []byte) {
		var seenLanes, seenPlain litset
		lanes := a.scan(b, nil, &seenLanes)
		plain := a.run(b, 0, 0, nil, &seenPlain)
		if seenLanes != seenPlain {
			t.Fatalf("once-only literals differ on %q", b)
		}
		if !slices.IsSortedFunc(lanes, byEnd) {
			t.Fatalf("hits out of order on %q: %v", b, lanes)
		}
		keep := func(h hit) bool { return a.once[h.pat] }
		lanes, plain = slices.DeleteFunc(lanes, keep), slices.DeleteFunc(plain, keep)
		slices.SortStableFunc(lanes, byEndThenLiteral)
		slices.SortStableFunc(plain, byEndThenLiteral)
		if !slices.Equal(lanes, plain) {
			t.Fatalf("hits differ on %q:\nlanes %v\nplain %v", b, lanes, plain)
		}
	})
}

func byEnd(x, y hit) int { return int(x.end - y.end) }

func byEndThenLiteral(x, y hit) int {
	if x.end != y.end {
		return int(x.end - y.end)
	}
	return int(x.pat - y.pat)
}
