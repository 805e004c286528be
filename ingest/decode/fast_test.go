package decode_test

import (
	"os"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/event"
	"github.com/credwatch/credwatch/gen"
	"github.com/credwatch/credwatch/ingest/decode"
)

// decoderPairs are decoders configured as each caller configures them, each
// with the general path alone beside it.
func decoderPairs(t testing.TB) map[string][2]*decode.Decoder {
	return map[string][2]*decode.Decoder{
		"plain":  {newDecoder(t), newDecoder(t).GeneralOnly()},
		"ingest": {asIngest(newDecoder(t)), asIngest(newDecoder(t).GeneralOnly())},
		"packed": {newDecoder(t).PackStrings().CarryRemainder(), newDecoder(t).PackStrings().CarryRemainder().GeneralOnly()},
	}
}

func asIngest(d *decode.Decoder) *decode.Decoder {
	return d.PackStrings().ShareInput().CarryRemainder().DropOriginal()
}

// sameOutcome fails unless both decoders decode msg alike (a copy each:
// a decoder sharing its input may keep it).
func sameOutcome(t testing.TB, pair [2]*decode.Decoder, msg []byte) {
	fast := decodeOutcome(pair[0], append([]byte(nil), msg...))
	general := decodeOutcome(pair[1], append([]byte(nil), msg...))
	require.Equal(t, general, fast, "%s", msg)
}

// generated is n events of the generator's mix as ingest receives them.
func generated(t testing.TB, seed uint64, n int) [][]byte {
	g, err := gen.New(gen.Config{Seed: seed, Start: fixedNow.Add(-2 * time.Hour)})
	require.NoError(t, err)
	out := make([][]byte, n)
	var ev event.Event
	for i := range out {
		g.Next(&ev)
		out[i] = gen.AppendJSON(nil, &ev)
	}
	return out
}

// TestFastPathTakesTheGeneratedStream: the generator's events (three
// seeds: other tenants, actors, networks and orders) nearly all take the
// fast path, and every one decodes as the general path decodes it.
func TestFastPathTakesTheGeneratedStream(t *testing.T) {
	pairs := decoderPairs(t)
	for _, seed := range []uint64{1, 42, 20261202} {
		msgs := generated(t, seed, 4000)
		taken := 0
		for _, msg := range msgs {
			if pairs["ingest"][0].TakesFast(msg) {
				taken++
			}
			for _, p := range pairs {
				sameOutcome(t, p, msg)
			}
		}
		t.Logf("figure: seed %d: the fast path took %d of %d generated events", seed, taken, len(msgs))
		require.Greater(t, taken, len(msgs)*95/100, "seed %d", seed)
	}
}

// TestFastPathMatchesGeneralOnGoldenInputs: every golden input (vendors'
// samples, hostile cases, contract events) decodes alike on both paths.
func TestFastPathMatchesGeneralOnGoldenInputs(t *testing.T) {
	pairs := decoderPairs(t)
	for _, in := range goldenInputs(t) {
		msg, err := os.ReadFile(in)
		require.NoError(t, err)
		for _, p := range pairs {
			sameOutcome(t, p, msg)
		}
	}
}

// FuzzFastPathMatchesGeneral: whatever the input, the fast path's event (or
// its refusal, which leaves the message to the general path) is the
// general path's.
func FuzzFastPathMatchesGeneral(f *testing.F) {
	for _, msg := range generated(f, 7, 64) {
		f.Add(msg)
	}
	for _, v := range fastVariants(string(generated(f, 9, 1)[0])) {
		f.Add([]byte(v))
	}
	pairs := decoderPairs(f)
	f.Fuzz(func(t *testing.T, msg []byte) {
		for _, p := range pairs {
			sameOutcome(t, p, msg)
		}
	})
}

// TestFastPathVariants: edits of a contract event that the fast path must
// refuse or decode exactly as the general path does.
func TestFastPathVariants(t *testing.T) {
	pairs := decoderPairs(t)
	for _, base := range generated(t, 3, 40) {
		for _, v := range fastVariants(string(base)) {
			for _, p := range pairs {
				sameOutcome(t, p, []byte(v))
			}
		}
	}
}
