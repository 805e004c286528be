package redact_test

import (
	"encoding/hex"
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestAuditdHexArguments: auditd writes a command line (PROCTITLE) and an
// argument (EXECVE aN=) in hex when it holds a space, a quote or a NUL; a
// credential in the decoding is redacted with the whole value, in upper or
// lower case hex, raw or in a JSON log line.
func TestAuditdHexArguments(t *testing.T) {
	r := newRedactor(t, "0123456789abcdef")
	for _, argv := range [][]string{
		{"mysql", "--password=S3cr3tPw1", "-h", "db"}, {"sshpass", "-p", "S3cr3tPw1", "ssh", "host"},
		{"curl", "-H", "Authorization: Bearer S3cr3tPw1", "https://api"}, {"env", "DB_PASSWORD=S3cr3tPw1", "app"},
	} {
		lower := func(s string) string { return hex.EncodeToString([]byte(s)) }
		upper := func(s string) string { return strings.ToUpper(lower(s)) }
		for _, enc := range []func(string) string{lower, upper} {
			pt := enc(strings.Join(argv, "\x00"))
			ins := []string{`type=PROCTITLE msg=audit(1700000000.123:456): proctitle=` + pt,
				`{"message":"type=PROCTITLE msg=audit(1764700000.001:9): proctitle=` + pt + `","host":"web-1"}`}
			for k, a := range argv { // the argument holding the secret, hex for its space
				if strings.Contains(a, "S3cr3tPw1") && strings.Contains(a, "=") || strings.Contains(a, " ") {
					ins = append(ins, fmt.Sprintf(`type=EXECVE msg=audit(1700000000.123:456): argc=%d a0="%s" a%d=%s a9="x"`,
						len(argv), argv[0], k, enc(a+" ")))
				}
			}
			for _, in := range ins {
				out, kinds := r.Message([]byte(in))
				require.NotEmpty(t, kinds, in)
				require.NotContains(t, strings.ToLower(string(out)), strings.ToLower(enc(string("S3cr3tPw1"))), in)
				require.Contains(t, string(out), "msg=audit(", in)
			}
		}
	}
	requireUntouched(t, r, `type=PROCTITLE msg=audit(1700000000.123:456): proctitle=`+hex.EncodeToString([]byte("ls\x00-la\x00/tmp")),
		`type=EXECVE msg=audit(1700000000.123:456): argc=2 a0="cat" a1=2F746D702F612062`)
}
