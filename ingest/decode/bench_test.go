package decode_test

import (
	"time"

	"os"
	"testing"

	"github.com/credwatch/credwatch/event"
	"github.com/credwatch/credwatch/gen"
	"github.com/credwatch/credwatch/ingest/decode"
)

func benchDecode(b *testing.B, file string) {
	msg, err := os.ReadFile(goldenDir + "/" + file)
	if err != nil {
		b.Fatal(err)
	}
	d := newDecoder(b)
	b.SetBytes(int64(len(msg)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := d.Decode(msg); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "events/s")
}

// BenchmarkDecodeFull decodes a clean event with every contract field set.
func BenchmarkDecodeFull(b *testing.B) { benchDecode(b, "v1_full.json") }

// BenchmarkDecodeMinimal decodes a clean event with the required fields only.
func BenchmarkDecodeMinimal(b *testing.B) { benchDecode(b, "v1_minimal.json") }

// BenchmarkDecodeSecrets decodes an event carrying seven credentials.
func BenchmarkDecodeSecrets(b *testing.B) { benchDecode(b, "v1_secrets_in_fields.json") }

// BenchmarkDecodeEscaped takes the \u slow path.
func BenchmarkDecodeEscaped(b *testing.B) { benchDecode(b, "v1_escaped_secret.json") }

// BenchmarkDecodeOCSF decodes an OCSF API Activity event.
func BenchmarkDecodeOCSF(b *testing.B) { benchDecode(b, "ocsf_api_activity.json") }

// BenchmarkDecodeGenerated decodes the generator's event mix, the input of
// `make bench`, as ingest does (strings packed) and one string at a time.
func BenchmarkDecodeGenerated(b *testing.B) {
	b.Run("packed", func(b *testing.B) { benchGenerated(b, newDecoder(b).PackStrings()) })
	b.Run("as-ingest", func(b *testing.B) { benchGenerated(b, newDecoder(b).PackStrings().CarryRemainder().DropOriginal()) })
	b.Run("unpacked", func(b *testing.B) { benchGenerated(b, newDecoder(b)) })
}

func benchGenerated(b *testing.B, d *decode.Decoder) {
	g, err := gen.New(gen.Config{Seed: 42, Start: time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		b.Fatal(err)
	}
	msgs := make([][]byte, 4096)
	var ev event.Event
	for i := range msgs {
		g.Next(&ev)
		msgs[i] = gen.AppendJSON(nil, &ev)
	}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		if _, err := d.Decode(msgs[i%len(msgs)]); err != nil {
			b.Fatal(err)
		}
		i++
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "events/s")
}
