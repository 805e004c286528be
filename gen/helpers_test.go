package gen_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/event"
	"github.com/credwatch/credwatch/gen"
)

// start is the simulated start of the tests' streams: a Monday, 08:00 UTC.
var start = time.Date(2025, 3, 3, 8, 0, 0, 0, time.UTC)

// newGen is a generator for cfg.
func newGen(t testing.TB, cfg gen.Config) *gen.Generator {
	t.Helper()
	g, err := gen.New(cfg)
	require.NoError(t, err)
	return g
}

// stream is the next n events of g as JSON lines.
func stream(g *gen.Generator, n int) []string {
	out := make([]string, n)
	var ev event.Event
	var buf []byte
	for i := range out {
		g.Next(&ev)
		buf = gen.AppendJSON(buf[:0], &ev)
		out[i] = string(buf)
	}
	return out
}

// each calls f with the next n events of g (ev is reused).
func each(g *gen.Generator, n int, f func(ev *event.Event)) {
	var ev event.Event
	for range n {
		g.Next(&ev)
		f(&ev)
	}
}

// usersByID indexes the world's users and service accounts.
func usersByID(w *gen.World) map[string]*gen.User {
	m := map[string]*gen.User{}
	for _, u := range append(append([]*gen.User{}, w.Users...), w.Services...) {
		m[u.ID] = u
	}
	return m
}
