package webhook_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/respond/webhook"
)

// specHeader is the spec's example header: one v1 and one v1a entry.
const specHeader = "v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4= v1a,hnO3f9T8Ytu9HwrXslvumlUpqtNVqkhqw/enGzPCXe5BdqzCInXqYXFymVJaA7AZdpXwVLPo3mNl8EM+m7TBAg=="

func TestParseSignatureHeaderKeepsUnknownVersions(t *testing.T) {
	got, err := webhook.ParseSignatureHeader("  " + strings.Replace(specHeader, " ", "   ", 1) + " ")
	require.NoError(t, err)
	require.Equal(t, []webhook.Signature{
		{Version: "v1", Value: "K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4="},
		{Version: "v1a", Value: "hnO3f9T8Ytu9HwrXslvumlUpqtNVqkhqw/enGzPCXe5BdqzCInXqYXFymVJaA7AZdpXwVLPo3mNl8EM+m7TBAg=="},
	}, got)
	require.Equal(t, specHeader, got[0].String()+" "+got[1].String())
}

func TestParseSignatureHeaderRejects(t *testing.T) {
	v1 := "v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4="
	for in, want := range map[string]string{
		"":                               "no entries",
		"   ":                            "no entries",
		"v1":                             `entry 1: not "version,signature"`,
		v1 + " ,abc":                     "entry 2: version must be",
		"V1,YWJj":                        "version must be",
		"v1.0,YWJj":                      "version must be",
		"v1,":                            "signature must be 1 to",
		"v1,YWJj":                        "v1 signature is 3 bytes, want 32",
		"v1a,not base64!":                "entry 1: signature is not standard base64",
		"v1a,%%%%":                       "not standard base64",
		"v2," + strings.Repeat("A", 300): "signature must be 1 to 256",
		strings.Repeat(v1+" ", 17):       "more than 16 entries",
		strings.Repeat(" ", webhook.MaxSignatureHeaderLength+1): "longer than 4096",
	} {
		_, err := webhook.ParseSignatureHeader(in)
		require.ErrorContains(t, err, want, "%.40q", in)
	}
	got, err := webhook.ParseSignatureHeader(strings.Repeat(v1+" ", 16))
	require.NoError(t, err)
	require.Len(t, got, 16)
}

func FuzzParseSignatureHeader(f *testing.F) {
	for _, seed := range []string{specHeader, specSignature, "", " ", "v1", "v1,", ",", "v1,YWJj", "v1a,%%",
		specSignature + " " + specSignature, strings.Repeat("v1,YWJj ", 20), "v1,\x00\xff", "v1\t,YWJj"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, header string) {
		sigs, err := webhook.ParseSignatureHeader(header)
		if err != nil {
			require.Less(t, len(err.Error()), 120, "errors are short and never quote the header")
			require.Nil(t, sigs)
			return
		}
		require.NotEmpty(t, sigs)
		require.LessOrEqual(t, len(sigs), webhook.MaxSignatureEntries)
		entries := make([]string, len(sigs))
		for i, s := range sigs {
			require.NotEmpty(t, s.Version)
			require.NotEmpty(t, s.Value)
			entries[i] = s.String()
		}
		again, err := webhook.ParseSignatureHeader(strings.Join(entries, " "))
		require.NoError(t, err)
		require.Equal(t, sigs, again)
	})
}
