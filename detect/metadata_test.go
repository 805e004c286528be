package detect_test

import (
	"context"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/detect"
)

func TestLoadRulesRejectsIncompleteMetadata(t *testing.T) {
	cases := map[string]struct{ src, want string }{
		"no metadata":   {"package credwatch.rules.x\n\nalert := {} if false\n", "no package-level # METADATA"},
		"id mismatch":   {"# METADATA\n# title: X\n# custom:\n#   id: y\n#   severity: low\n#   tier: notify\npackage credwatch.rules.x\n\nalert := {} if false\n", "does not match package"},
		"bad severity":  {"# METADATA\n# title: X\n# custom:\n#   severity: scary\n#   tier: notify\npackage credwatch.rules.x\n\nalert := {} if false\n", "custom.severity"},
		"wrong package": {"# METADATA\n# title: X\npackage other.x\n\nalert := {} if false\n", "package must be credwatch.rules.<id>"},
		"syntax":        {"package credwatch.rules.x\n\nalert := {\n", "rego_parse_error"},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			_, err := detect.LoadRules(context.Background(), fstest.MapFS{"x.rego": {Data: []byte(c.src)}})
			require.ErrorContains(t, err, c.want)
		})
	}
}
