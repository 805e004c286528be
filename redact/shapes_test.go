package redact_test

import "testing"

// TestPrefixedTokenShapes: tokens known by their prefix are redacted bare,
// in JSON, JSON-escaped and quoted, wherever they sit on the line.
func TestPrefixedTokenShapes(t *testing.T) {
	r := newRedactor(t, "0123456789abcdef")
	for _, v := range []string{
		"NRAK-H36J5HNJTOADQGL27UILUZJ2RQ8", "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",
		"sntrys_eyJpYXQiOjE2Oq4r8dobXYGOEThHlvcw7Kq9AbC", "squ_c496af2fac6b0ff663e73a436ab2d319cef84a1b",
		"sqp_xxq8AGomtnWNCXVJCNQCmup6N0A0UarXLnTE1234", "key-8be785e55eb4c269b873ac7a00edb9f7",
		"5123456789:AATmD3HGbEksNl1u3RrfSLkbBSdlUXYZ012", "123456789:AAE-hj_0123456789abcdefghijklmnopqr",
	} {
		requireScrubbed(t, r, v, v, "note "+v+" end", `{"v":"`+v+`"}`, `{"log":"x=\"`+v+`\"\n"}`, "'"+v+"'",
			"https://api.example.com/bot"+v+"/sendMessage")
	}
}

// TestPrefixedTokenLookAlikes: shorter or longer runs, and words that
// merely start like a prefix, stay.
func TestPrefixedTokenLookAlikes(t *testing.T) {
	r := newRedactor(t, "0123456789abcdef")
	requireUntouched(t, r, "NRAK-short GOCSPX-abc squ_short sntrys_x", "key-value store key-8be785e5",
		"key-8be785e55eb4c269b873ac7a00edb9f7a1b2", "object key-8be785e55eb4c269b873ac7a00edb9f7-v2.tar",
		"12:AATmD3HGbEksNl1u3RrfSLkbBSdlUXYZ012", "time 2026-11-20 10:30:AA", `{"squad_leader":"bob"}`)
}
