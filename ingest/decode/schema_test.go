package decode_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/stretchr/testify/require"
)

// TestSchemaAgreesWithDecoder: every v1 golden input the decoder accepts
// validates against docs/event.schema.json, and every v1 input it rejects for
// a reason the schema can express does not.
func TestSchemaAgreesWithDecoder(t *testing.T) {
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	sch, err := c.Compile("../../docs/event.schema.json")
	require.NoError(t, err)
	inputs, _ := filepath.Glob(filepath.Join(goldenDir, "*.json")) // v1 and OCSF inputs at the top level
	d := newDecoder(t)
	for _, in := range inputs {
		name := filepath.Base(in)
		if strings.HasPrefix(name, "ocsf") || strings.Contains(name, "ocsf") || name == "err_future.json" {
			continue // OCSF has its own schema; "future" depends on the clock
		}
		msg, _ := os.ReadFile(in)
		doc, jerr := jsonschema.UnmarshalJSON(bytes.NewReader(msg))
		_, derr := d.Decode(msg)
		if jerr != nil {
			require.Error(t, derr, name)
			continue
		}
		verr := sch.Validate(doc)
		require.Equal(t, derr == nil, verr == nil, "%s: decoder err %v, schema err %v", name, derr, verr)
	}
}
