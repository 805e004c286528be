package redact_test

import "testing"

// cleanEvent is a typical v1 event: a token used to read a secret, nothing
// to redact.
const cleanEvent = `{"id":"evt-0001","time":"2026-11-20T08:15:30.123456Z","action":"token.use","outcome":"success","tenant":"acme","actor":{"id":"space:acme/chatbot","type":"space","tenants":["acme"]},"token":{"id":"tok_fp_9f2a","kind":"fine_grained","scopes":["repo.content.read","inference.serverless.write"],"owner":"alice","tenant":"acme","workload":"space:acme/chatbot","created_at":"2026-01-02T03:04:05Z","hashed_token":"SHA256:k9f2aQ0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9="},"secret":{"id":"sec_77","name":"OPENAI_API_KEY","tenant":"acme","workload":"space:acme/chatbot"},"resource":{"type":"secret","id":"sec_77","arn":"arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db-AbCdEf"},"source":{"ip":"::ffff:10.1.2.3","asn":16509,"as_org":"AMAZON-02","country":"us","user_agent":"Mozilla/5.0 (X11; Linux x86_64) spaces-runtime/1.4 python-requests/2.31","internal":true},"workload":{"id":"space:acme/chatbot","build_id":"b-123","phase":"runtime"},"session_id":"3f6c2a9e-8d7b-4c1a-9e2f-0b1c2d3e4f5a","request_id":"r-1","attrs":{"region":"us-east-1","hardware":"cpu-basic","secret_name":"OPENAI_API_KEY","token_type":"service"}}`

// dirtyEvent carries seven credentials of different kinds.
const dirtyEvent = `{"id":"evt-0004","time":"2026-11-20T08:15:30Z","action":"token.use","tenant":"acme","actor":{"id":"alice"},"token":{"id":"hf_abcdefghijklmnopqrstuvwxyzABCDEFGH"},"source":{"user_agent":"curl/8 Authorization: Bearer ghp_0123456789abcdefghijklmnopqrstuvwxyz"},"attrs":{"note":"aws AKIAIOSFODNN7EXAMPLE slack xoxb-1234567890-abcdefghij","jwt":"eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U","openai":"sk-proj-abcdefghijklmnopqrstuvwxyz012345","gitlab":"glpat-abcdefghijklmnopqrst","password":"hunter2"}}`

var benchEvents = []struct{ name, msg string }{{"clean", cleanEvent}, {"dirty", dirtyEvent}}

// BenchmarkBytes is the cost ingest pays on every message. When the gitleaks
// catalogue came in (one 2-core AMD EPYC VM, same run), the eight-pattern
// Bytes it replaced took 4.0 µs clean and 63 µs on dirtyEvent (less its
// password field, which it missed); this one took 4.8 µs and 41 µs.
func BenchmarkBytes(b *testing.B) {
	r := newRedactor(b, "0123456789abcdef")
	for _, c := range benchEvents {
		b.Run(c.name, func(b *testing.B) {
			msg := []byte(c.msg)
			b.SetBytes(int64(len(msg)))
			b.ReportAllocs()
			for b.Loop() {
				r.Bytes(msg)
			}
		})
	}
}

// BenchmarkMessage adds the look through escapes (none here).
func BenchmarkMessage(b *testing.B) {
	r := newRedactor(b, "0123456789abcdef")
	for _, c := range benchEvents {
		b.Run(c.name, func(b *testing.B) {
			msg := []byte(c.msg)
			b.ReportAllocs()
			for b.Loop() {
				r.Message(msg)
			}
		})
	}
}
