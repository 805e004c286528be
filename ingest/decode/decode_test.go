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

// outcome is what a golden file records for one input: its events (with the
// scrubbed raw each keeps and what the mapping did not carry) and the
// rejection, if any.
type outcome struct {
	Events []decoded     `json:"events,omitempty"`
	Error  *decode.Error `json:"error,omitempty"`
}

type decoded struct {
	Event    any    `json:"event"`
	Raw      string `json:"raw"`
	Unmapped string `json:"unmapped,omitempty"`
}

func decodeOutcome(d *decode.Decoder, msg []byte) outcome {
	evs, err := d.DecodeMessage(msg, "golden")
	var out outcome
	for _, ev := range evs {
		out.Events = append(out.Events, decoded{Event: ev, Raw: string(ev.Raw), Unmapped: string(ev.Unmapped)})
	}
	if err != nil {
		var de *decode.Error
		if !errors.As(err, &de) {
			de = &decode.Error{Detail: "not a *decode.Error: " + err.Error()}
		}
		out.Error = de
	}
	return out
}

// goldenInputs lists the *.json inputs under the golden directory, vendors'
// samples in their own folders included.
func goldenInputs(t testing.TB) []string {
	var inputs []string
	err := filepath.WalkDir(goldenDir, func(path string, e os.DirEntry, err error) error {
		if err == nil && !e.IsDir() && strings.HasSuffix(path, ".json") {
			inputs = append(inputs, path)
		}
		return err
	})
	require.NoError(t, err)
	require.NotEmpty(t, inputs)
	return inputs
}

// TestGolden decodes every input with a decoder whose topic "golden" has no
// default tenant, and one whose "golden" topic defaults to tenant
// "default-tenant" for inputs under a vendor folder (vendors' samples rarely
// carry a tenant).
func TestGolden(t *testing.T) {
	for _, in := range goldenInputs(t) {
		name, _ := filepath.Rel(goldenDir, in)
		t.Run(name, func(t *testing.T) {
			d := newDecoder(t).CarryRemainder()
			if filepath.Dir(name) != "." {
				d.WithSources(decode.Sources{TopicTenants: map[string]string{"golden": "default-tenant"}})
			}
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
