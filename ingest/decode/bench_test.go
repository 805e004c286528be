package decode_test

import (
	"os"
	"testing"
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
