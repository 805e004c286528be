package redact_test

import (
	"bytes"
	"compress/gzip"
	"encoding/base64"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestGzippedUserData: cloud-init user data is often gzipped, then base64'd
// (EC2 RunInstances, launch templates); a secret in it redacts the blob,
// plain or gzipped text without one stays, and a gzip bomb is read no
// further than a blob's bound.
func TestGzippedUserData(t *testing.T) {
	r := newRedactor(t, "0123456789abcdef")
	for _, secret := range []string{"UjhKngUGgy94Y64AE2", "Zq9!x#Lm&v<2 k7"} {
		for _, text := range []string{
			"#cloud-config\nwrite_files:\n  - path: /etc/app/env\n    content: |\n      DB_PASSWORD=" + secret + "\n",
			"#!/bin/bash\nexport API_TOKEN='" + secret + "'\n/opt/app/run\n",
		} {
			blob := gzipped(t, text)
			requireScrubbed(t, r, blob[8:40], `{"userData":"`+blob+`"}`, "user_data = "+blob)
		}
	}
	requireUntouched(t, r, `{"userData":"`+gzipped(t, "#cloud-config\npackages:\n  - nginx\n")+`"}`)
	bomb := gzipped(t, string(make([]byte, 8<<20)))
	out, kinds := r.Message([]byte(`{"userData":"` + bomb + `"}`))
	require.Empty(t, kinds)
	require.Contains(t, string(out), bomb)
}

func gzipped(t *testing.T, text string) string {
	var b bytes.Buffer
	w := gzip.NewWriter(&b)
	_, err := w.Write([]byte(text))
	require.NoError(t, err)
	require.NoError(t, w.Close())
	return base64.StdEncoding.EncodeToString(b.Bytes())
}
