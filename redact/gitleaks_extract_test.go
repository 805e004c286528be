package redact

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"regexp"
	"testing"

	"github.com/pelletier/go-toml/v2"
	"github.com/stretchr/testify/require"
	"github.com/zricethezav/gitleaks/v8/config"
)

var update = flag.Bool("update", false, "rewrite gitleaks_rules.json from the gitleaks module")

const gitleaksLicense = `MIT License

Copyright (c) 2019 Zachary Rice

Permission is hereby granted, free of charge, to any person obtaining a copy of this software and associated documentation files (the "Software"), to deal in the Software without restriction, including without limitation the rights to use, copy, modify, merge, publish, distribute, sublicense, and/or sell copies of the Software, and to permit persons to whom the Software is furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.`

// TestGitleaksExtract checks gitleaks_rules.json against the default config
// of the gitleaks version in go.mod (go test ./redact -run Extract -update
// rewrites it after go get github.com/zricethezav/gitleaks/v8/config@vX).
func TestGitleaksExtract(t *testing.T) {
	var cfg struct {
		Rules []gitleaksRule `toml:"rules"`
	}
	require.NoError(t, toml.Unmarshal([]byte(config.DefaultConfig), &cfg))
	require.Greater(t, len(cfg.Rules), 150)
	want := renderExtract(t, gitleaksExtract{
		Source:  "github.com/zricethezav/gitleaks/v8@" + gitleaksVersion(t) + " config/gitleaks.toml",
		License: gitleaksLicense,
		Rules:   cfg.Rules,
	})
	if *update {
		require.NoError(t, os.WriteFile("gitleaks_rules.json", want, 0o644))
	}
	require.Equal(t, string(want), string(gitleaksJSON), "run go test ./redact -run Extract -update")
}

// gitleaksVersion reads the version go.mod requires (test binaries carry
// no module list).
func gitleaksVersion(t *testing.T) string {
	mod, err := os.ReadFile("../go.mod")
	require.NoError(t, err)
	m := regexp.MustCompile(`(?m)^\s*github\.com/zricethezav/gitleaks/v8 (\S+)`).FindSubmatch(mod)
	require.NotNil(t, m, "go.mod does not require gitleaks")
	return string(m[1])
}

// renderExtract writes one rule a line, so that a version bump diffs well.
func renderExtract(t *testing.T, ex gitleaksExtract) []byte {
	var b, line bytes.Buffer
	enc := json.NewEncoder(&line)
	enc.SetEscapeHTML(false)
	require.NoError(t, enc.Encode(struct {
		Source  string `json:"source"`
		License string `json:"license"`
	}{ex.Source, ex.License}))
	b.Write(bytes.TrimSuffix(line.Bytes(), []byte("}\n")))
	b.WriteString(`,"rules":[` + "\n")
	for i, r := range ex.Rules {
		line.Reset()
		require.NoError(t, enc.Encode(r))
		b.Write(bytes.TrimSuffix(line.Bytes(), []byte("\n")))
		if i < len(ex.Rules)-1 {
			b.WriteByte(',')
		}
		b.WriteByte('\n')
	}
	b.WriteString("]}\n")
	return b.Bytes()
}
