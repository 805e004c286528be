package ingest_test

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// vendorInputs returns the accepted golden inputs of every vendor format.
func vendorInputs(t *testing.T) []string {
	var out []string
	for _, dir := range []string{"ocsf", "vault", "k8s", "cloudtrail", "github", "gcp", "azure", "okta"} {
		files, err := filepath.Glob(filepath.Join("..", "testdata", "decode", dir, "*.json"))
		require.NoError(t, err)
		for _, f := range files {
			if !strings.HasPrefix(filepath.Base(f), "err_") {
				out = append(out, f)
			}
		}
	}
	require.NotEmpty(t, out)
	return out
}

// stringLeaves lists the paths of a JSON document's string values.
func stringLeaves(v any, path []any, out *[][]any) {
	switch t := v.(type) {
	case string:
		*out = append(*out, append([]any(nil), path...))
	case map[string]any:
		keys := make([]string, 0, len(t))
		for k := range t {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			stringLeaves(t[k], append(path, k), out)
		}
	case []any:
		for i, e := range t {
			stringLeaves(e, append(path, i), out)
		}
	}
}

// setLeaf replaces the value at path.
func setLeaf(v any, path []any, value any) {
	for i, step := range path {
		last := i == len(path)-1
		switch c := v.(type) {
		case map[string]any:
			if last {
				c[step.(string)] = value
				return
			}
			v = c[step.(string)]
		case []any:
			if last {
				c[step.(int)] = value
				return
			}
			v = c[step.(int)]
		}
	}
}

// plantings returns variants of a vendor message, each carrying one secret:
// in a string field, under a key named like a secret (a value no pattern
// knows), as KEY=value in free text, and as a key. secrets gets every value.
func plantings(t *testing.T, file string, rng *rand.Rand, secrets *[]string, k int) [][]byte {
	raw, err := os.ReadFile(file)
	require.NoError(t, err)
	var out [][]byte
	variant := func(plant func(doc map[string]any)) {
		var whole any
		require.NoError(t, json.Unmarshal(raw, &whole))
		doc, ok := whole.(map[string]any)
		if list, isList := whole.([]any); isList { // a page of records: plant in the first
			doc, ok = list[0].(map[string]any)
		}
		require.True(t, ok, "%s holds an object or a list of them", file)
		plant(doc)
		b, err := json.Marshal(whole)
		require.NoError(t, err)
		out = append(out, b)
	}
	variant(func(doc map[string]any) { // a known credential in a random string field
		var leaves [][]any
		stringLeaves(doc, nil, &leaves)
		s := plantedSecret(k)
		*secrets = append(*secrets, s)
		setLeaf(doc, leaves[rng.IntN(len(leaves))], "see "+s+" here")
	})
	variant(func(doc map[string]any) { // a value no pattern knows, under a secret-named key
		s := fmt.Sprintf("Zq8vT%dmQ3-unpatterned-Kx%d", k, rng.IntN(1e6))
		*secrets = append(*secrets, s)
		keys := []string{"client_secret", "password", "aws_secret_access_key", "SecretString", "sessionToken", "Authorization"}
		doc[keys[k%len(keys)]] = s
	})
	variant(func(doc map[string]any) { // KEY=value in free text
		s := fmt.Sprintf("Pw%dunpatterned%d", k, rng.IntN(1e6))
		*secrets = append(*secrets, s)
		doc["message"] = "started with DB_PASSWORD=" + s + " and more"
	})
	variant(func(doc map[string]any) { // a credential as a key
		s := plantedSecret(k + 100)
		*secrets = append(*secrets, s)
		doc[s] = "value"
	})
	return out
}
