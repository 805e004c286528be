package redact

import "bytes"

// triggers are literal substrings at least one of which every pattern contains.
// Checking them first keeps the regular expressions off the common path.
var triggers = [][]byte{
	[]byte("PRIVATE KEY"), []byte("eyJ"), []byte("hf_"), []byte("api_org_"),
	[]byte("ghp_"), []byte("gho_"), []byte("ghu_"), []byte("ghs_"), []byte("ghr_"), []byte("github_pat_"),
	[]byte("AKIA"), []byte("ASIA"), []byte("xox"), []byte("sk-"), []byte("glpat-"),
}

// mayContain reports whether b could hold credential material.
func mayContain(b []byte) bool {
	for _, t := range triggers {
		if bytes.Contains(b, t) {
			return true
		}
	}
	return false
}
