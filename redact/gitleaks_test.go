package redact_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// gitleaksExamples are realistic credentials of gitleaks' rules, each with
// the rule id it must be reported as.
var gitleaksExamples = map[string]string{
	"stripe-access-token":           "sk_live_4eC39HqLyjWDarjtT1zdp7dc",
	"slack-webhook-url":             "https://hooks.slack.com/services/T0ABCDEFG/B0ABCDEFG/abcdefghijklmnopqrstuvwx",
	"gcp-api-key":                   "AIzaSyD-1234567890abcdefghijklmnopqrstu",
	"npm-access-token":              "npm_abcdefghijklmnopqrstuvwxyz0123456789",
	"pypi-upload-token":             "pypi-AgEIcHlwaS5vcmcCJGQ1YzY0YTE0LWE3ZjUtNDRjMi1iMDBhLTJiNGNkNDk2ZDU0YQACKlsz",
	"twilio-api-key":                "SK0123456789abcdef0123456789abcdef",
	"sendgrid-api-token":            "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",
	"digitalocean-pat":              "dop_v1_" + strings.Repeat("0a1b2c3d", 8),
	"shopify-access-token":          "shpat_" + strings.Repeat("a1b2", 8),
	"databricks-api-token":          "dapi" + strings.Repeat("f00d", 8),
	"vault-service-token":           "hvs.CAESI" + strings.Repeat("Ab1Cd2Ef3G", 9),
	"postman-api-token":             "PMAK-" + strings.Repeat("a1", 12) + "-" + strings.Repeat("b2", 17),
	"grafana-service-account-token": "glsa_" + strings.Repeat("Xy9", 10) + "Zq_" + "0a1b2c3d",
	"linear-api-key":                "lin_api_" + strings.Repeat("Ab3d", 10),
	"doppler-api-token":             "dp.pt." + strings.Repeat("a1B2c", 8) + "x9z",
	"heroku-api-key-v2":             "HRKU-AA" + strings.Repeat("0aB_1", 11) + "xyz",
	"age-secret-key":                "AGE-SECRET-KEY-1" + strings.Repeat("QPZRY9X8GF", 5) + "2TVDW0S3",
}

func TestGitleaksExamples(t *testing.T) {
	r := newRedactor(t, "0123456789abcdef")
	for kind, secret := range gitleaksExamples {
		for _, in := range []string{
			"seen " + secret + " in a log",
			`{"attrs":{"note":"` + secret + `"}}`,
			`{"list":["x","` + secret + `"]}`,
		} {
			out, kinds := r.String(in)
			require.Equal(t, []string{kind}, kinds, in)
			require.NotContains(t, out, secret, in)
		}
		in := `{"keys":{"` + secret + `":"a secret as a key"}}`
		out, kinds := r.String(in)
		require.Equal(t, kind, kinds[0], in) // AGE-SECRET-KEY-… also names a secret_field
		require.NotContains(t, out, secret, in)
	}
}

// TestGitleaksKeywordRules: rules that need a keyword beside the value, and
// their metadata neighbours that must stay.
func TestGitleaksKeywordRules(t *testing.T) {
	r := newRedactor(t, "0123456789abcdef")
	hex40 := strings.Repeat("0123456789", 4)
	for in, kind := range map[string]string{
		"datadog_key=" + hex40:                                                 "datadog-access-token",
		`{"DATADOG_APP_KEY": "` + hex40 + `"}`:                                 "datadog-access-token",
		"heroku_api_key: 01234567-89ab-cdef-0123-456789abcdef":                 "heroku-api-key",
		`curl -H "Authorization: Bearer abcdef123456" https://api.example.com`: "curl-auth-header",
		"curl -u admin:s3cr3tpass https://api.example.com":                     "curl-auth-user",
	} {
		out, kinds := r.String(in)
		require.Equal(t, []string{kind}, kinds, in)
		require.NotEqual(t, in, out)
	}
	for _, in := range []string{
		"datadog_org_id=" + hex40, `{"heroku_app_id": "01234567-89ab-cdef-0123-456789abcdef"}`,
		"user agent curl/8.4.0 from 10.0.0.1", "commit " + hex40 + " on sourcegraph",
	} {
		out, kinds := r.String(in)
		require.Empty(t, kinds, in)
		require.Equal(t, in, out)
	}
}
