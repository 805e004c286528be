package redact

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"strings"
)

// gitleaksJSON is the rule list of gitleaks' default configuration (the
// config.DefaultConfig of github.com/zricethezav/gitleaks/v8, MIT licensed,
// notice inside): id, regex, secretGroup and keywords of each rule. It is an
// extract rather than an import because the config package links viper, hcl,
// zerolog and their dependencies into every binary; TestGitleaksExtract keeps
// it equal to the pinned module's and rewrites it with -update.
//
//go:embed gitleaks_rules.json
var gitleaksJSON []byte

// gitleaksRule is one rule of the extract.
type gitleaksRule struct {
	ID          string   `json:"id" toml:"id"`
	Regex       string   `json:"regex" toml:"regex"`
	SecretGroup int      `json:"secretGroup,omitempty" toml:"secretGroup"`
	Keywords    []string `json:"keywords" toml:"keywords"`
}

// gitleaksExtract is the layout of gitleaks_rules.json.
type gitleaksExtract struct {
	Source  string         `json:"source"`
	License string         `json:"license"`
	Rules   []gitleaksRule `json:"rules"`
}

// gitleaksExclusion says why the rule with this id is not used, or "".
func gitleaksExclusion(id string) string {
	switch id {
	case "generic-api-key":
		return "entropy-only catch-all on any key/token/secret assignment; secret_field and secret_assignment replace it"
	case "hashicorp-tf-password":
		return "scoped to .tf files; duplicates secret_field for password keys, and its secret group holds the JSON quotes"
	case "sourcegraph-access-token":
		return "an alternative matches any 40-hex string (commit and object ids) near the word sourcegraph"
	case "pkcs12-file":
		return "matches file paths only; it has no regex"
	}
	return ""
}

// gitleaksRules returns the extract's rules less the excluded ones.
func gitleaksRules() ([]gitleaksRule, error) {
	var ex gitleaksExtract
	if err := json.Unmarshal(gitleaksJSON, &ex); err != nil {
		return nil, fmt.Errorf("gitleaks extract: %w", err)
	}
	rules := ex.Rules[:0]
	for _, r := range ex.Rules {
		if gitleaksExclusion(r.ID) == "" && r.Regex != "" {
			r.Regex = strings.ReplaceAll(r.Regex, gitleaksEnd, tokenEnd)
			rules = append(rules, r)
		}
	}
	return rules, nil
}

// gitleaksEnd is how most gitleaks rules end a token: a quote, a space, ';'
// or the end. tokenEnd adds the punctuation that ends one in commands and
// markup (curl -u sk_live_…:, <ApiKey>…</ApiKey>, key=SG.…&x=1, (…), […]):
// none of it can continue an identifier.
const (
	gitleaksEnd = `(?:[\x60'"\s;]|\\[nr]|$)`
	tokenEnd    = `(?:[\x60'"\s;:,&<>()\[\]{}|]|\\[nr]|$)`
)
