package event_test

import (
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/event"
	"github.com/credwatch/credwatch/gen"
)

// TestWireRoundTrip writes and reads back generated events of three seeds
// (every scenario mixed in) and hand-made edge cases: the same event, but
// for Raw and Unmapped, which stay behind.
func TestWireRoundTrip(t *testing.T) {
	t.Parallel()
	for _, seed := range []uint64{1, 2, 3} {
		g, err := gen.New(gen.Config{Seed: seed, Tenants: 10 * int(seed), Start: time.Date(2026, 6, int(seed), 0, 0, 0, 0, time.UTC),
			Scenarios: gen.Builtin().Names()})
		require.NoError(t, err)
		var ev event.Event
		for range 5_000 {
			g.Next(&ev)
			roundTrip(t, ev)
		}
	}
	for _, ev := range wireEdgeCases() {
		roundTrip(t, ev)
	}
}

func roundTrip(t *testing.T, ev event.Event) {
	t.Helper()
	var got event.Event
	require.NoError(t, event.DecodeWire(event.AppendWire(nil, &ev), &got))
	ev.Raw, ev.Unmapped = nil, nil
	require.Equal(t, ev, got)
}

func wireEdgeCases() []event.Event {
	created := time.Date(2019, 1, 2, 3, 4, 5, 6_000_000, time.UTC)
	return []event.Event{
		{},
		{ID: "x", Time: time.Date(2026, 12, 2, 0, 0, 0, 1_000_000, time.UTC), Actor: event.Actor{Tenants: []string{}}},
		{ID: "ünï\x00code", Attrs: map[string]string{"b": "2", "a": "", "": "empty key"}, Redactions: []string{"github-pat", ""},
			Token:  event.Token{CreatedAt: created, Scopes: []string{"read", "write"}},
			Source: event.Source{ASN: 4294967295, Lat: -33.8688, Lon: 151.2093, HasGeo: true, Internal: true}},
		{Time: time.Unix(-1, 0).UTC(), Warnings: []string{"source.ip:invalid"}, Raw: []byte("{}"), Unmapped: []byte("{}")},
	}
}

// TestWireRejectsDamage names the field where bytes stop being an event.
func TestWireRejectsDamage(t *testing.T) {
	t.Parallel()
	ev := wireEdgeCases()[2]
	b := event.AppendWire(nil, &ev)
	for cut := range len(b) {
		var got event.Event
		err := event.DecodeWire(b[:cut], &got)
		require.Error(t, err, "cut at %d", cut)
		require.True(t, errors.Is(err, event.ErrWire))
	}
	var got event.Event
	require.ErrorContains(t, event.DecodeWire(append(b, 0), &got), "end: 1 bytes past the event")
	require.ErrorContains(t, event.DecodeWire([]byte("{\"id\":1}"), &got), "version byte")
}

// FuzzDecodeWire: any bytes either fail with ErrWire or decode to an event
// whose wire form reads back to the same wire form (bytes, so NaN compares);
// never a panic.
func FuzzDecodeWire(f *testing.F) {
	var frame event.WireFrame
	for _, ev := range wireEdgeCases() {
		f.Add(event.AppendWire(nil, &ev))
		frame.Add(&ev)
	}
	f.Add(frame.Bytes())
	f.Fuzz(func(t *testing.T, b []byte) {
		if _, err := event.DecodeWireMessage(b); err != nil {
			require.ErrorIs(t, err, event.ErrWire) // frames too: never a panic
		}
		var ev event.Event
		if err := event.DecodeWire(b, &ev); err != nil {
			require.ErrorIs(t, err, event.ErrWire)
			return
		}
		once := event.AppendWire(nil, &ev)
		var again event.Event
		require.NoError(t, event.DecodeWire(once, &again))
		require.Equal(t, once, event.AppendWire(nil, &again))
	})
}

// BenchmarkWire writes and reads the generator's mix: what a stage pays
// per event instead of decoding the contract JSON again.
func BenchmarkWire(b *testing.B) {
	g, err := gen.New(gen.Config{Seed: 42, Start: time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)})
	require.NoError(b, err)
	msgs := make([][]byte, 4096)
	var ev event.Event
	for i := range msgs {
		g.Next(&ev)
		msgs[i] = event.AppendWire(nil, &ev)
	}
	b.Run("decode", func(b *testing.B) {
		b.ReportAllocs()
		i := 0
		for b.Loop() {
			if err := event.DecodeWire(msgs[i%len(msgs)], &ev); err != nil {
				b.Fatal(err)
			}
			i++
		}
	})
	b.Run("encode", func(b *testing.B) {
		var buf []byte
		for b.Loop() {
			buf = event.AppendWire(buf[:0], &ev)
		}
	})
}

// TestWireFrames: frames of 1, 2 and many events (generated, and the edge
// cases) read back as the same events in order; a single event's wire form
// reads as a message of one; a cut or padded frame names what is wrong.
func TestWireFrames(t *testing.T) {
	t.Parallel()
	g, err := gen.New(gen.Config{Seed: 9, Tenants: 5, Start: time.Date(2026, 7, 1, 0, 0, 0, 0, time.UTC), Scenarios: gen.Builtin().Names()})
	require.NoError(t, err)
	all := wireEdgeCases()
	for range 700 {
		var ev event.Event
		g.Next(&ev)
		all = append(all, ev)
	}
	for _, n := range []int{1, 2, 3, len(all)} {
		var f event.WireFrame
		for i := range n {
			f.Add(&all[i])
		}
		require.Equal(t, n, f.Len())
		got, err := event.DecodeWireMessage(f.Bytes())
		require.NoError(t, err)
		require.Len(t, got, n)
		for i := range n {
			want := all[i]
			want.Raw, want.Unmapped = nil, nil
			require.Equal(t, want, got[i])
		}
	}
	one, err := event.DecodeWireMessage(event.AppendWire(nil, &all[5]))
	require.NoError(t, err)
	require.Equal(t, all[5].ID, one[0].ID)
	var f event.WireFrame
	f.Add(&all[5])
	f.Add(&all[6])
	b := f.Bytes()
	for cut := range len(b) - 1 {
		_, err := event.DecodeWireMessage(b[:cut])
		require.ErrorIs(t, err, event.ErrWire, "cut at %d", cut)
	}
	_, err = event.DecodeWireMessage(append(b, 7))
	require.ErrorContains(t, err, "bytes past the last event")
}
