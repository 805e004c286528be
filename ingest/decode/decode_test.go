package decode_test

import (
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/ingest/decode"
	"github.com/credwatch/credwatch/redact"
)

var update = flag.Bool("update", false, "rewrite golden files")

const goldenDir = "../../testdata/decode"

// fixedNow is the clock every decode test judges "future" against.
var fixedNow = time.Date(2026, 11, 22, 12, 0, 0, 0, time.UTC)

func newDecoder(t testing.TB) *decode.Decoder {
	r, err := redact.New([]byte("test-redaction-key-0123456789"))
	require.NoError(t, err)
	return decode.New(r, func() time.Time { return fixedNow }, decode.DefaultLimits())
}

// outcome is what a golden file records for one input.
type outcome struct {
	Event any           `json:"event,omitempty"`
	Raw   string        `json:"raw,omitempty"`
	Error *decode.Error `json:"error,omitempty"`
}

func decodeOutcome(d *decode.Decoder, msg []byte) outcome {
	ev, err := d.Decode(msg)
	if err != nil {
		var de *decode.Error
		if !errors.As(err, &de) {
			return outcome{Error: &decode.Error{Detail: "not a *decode.Error: " + err.Error()}}
		}
		return outcome{Error: de}
	}
	return outcome{Event: ev, Raw: string(ev.Raw)}
}

func TestGolden(t *testing.T) {
	inputs, err := filepath.Glob(filepath.Join(goldenDir, "*.json"))
	require.NoError(t, err)
	require.NotEmpty(t, inputs)
	d := newDecoder(t)
	for _, in := range inputs {
		t.Run(filepath.Base(in), func(t *testing.T) {
			msg, err := os.ReadFile(in)
			require.NoError(t, err)
			got, err := json.MarshalIndent(decodeOutcome(d, msg), "", "  ")
			require.NoError(t, err)
			golden := strings.TrimSuffix(in, ".json") + ".golden"
			if *update {
				require.NoError(t, os.WriteFile(golden, append(got, '\n'), 0o644))
			}
			want, err := os.ReadFile(golden)
			require.NoError(t, err, "run go test ./ingest/decode -update to create it")
			require.JSONEq(t, string(want), string(got))
			wantErr := strings.HasPrefix(filepath.Base(in), "err_")
			require.Equal(t, wantErr, strings.Contains(string(got), `"error"`), "err_ files must reject, others accept")
		})
	}
}
