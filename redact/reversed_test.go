package redact_test

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// reversedPairs write a pair's value before its name, as serializers that
// keep insertion order do: ECS and CodeBuild environments seen by
// CloudTrail, a Kubernetes audit pod's env, CloudFormation parameters and
// tags, in raw JSON, JSON inside a string and loosely spaced.
func reversedPairs(name, v string) []string {
	vq := jsonf(`%q`, v)
	return []string{
		`{"value":` + vq + `,"name":"` + name + `"}`,
		`{"eventSource":"ecs.amazonaws.com","requestParameters":{"containerDefinitions":[{"environment":[{"value":"x","name":"HOST"},{"value":` + vq + `,"name":"` + name + `"}]}]}}`,
		`{"environmentVariables":[{"value":` + vq + `,"name":"` + name + `","type":"PLAINTEXT"}]}`,
		`{"apiVersion":"audit.k8s.io/v1","requestObject":{"kind":"Pod","spec":{"containers":[{"env":[{ "value" : ` + vq + ` , "name" : "` + name + `" }]}]}}}`,
		`{"Parameters":[{"ParameterValue":` + vq + `,"ParameterKey":"` + name + `"}]}`,
		`{"Tags":[{"Value":` + vq + `, "Key":"` + name + `"}]}`,
		`{"log":"{\"env\":[{\"value\":\"` + v + `\",\"name\":\"` + name + `\"}]}"}`,
		`{"msg":"{\"a\":\"{\\\"value\\\":\\\"` + v + `\\\",\\\"name\\\":\\\"` + name + `\\\"}\"}"}`,
	}
}

func TestReversedPairs(t *testing.T) {
	r := newRedactor(t, "0123456789abcdef")
	const v = "Hunter2-v4lue"
	for _, name := range []string{"DB_PASSWORD", "db_pass", "API_TOKEN", "SIGNING_KEY", "MasterUserPassword", "client_secret"} {
		requireScrubbed(t, r, v, reversedPairs(name, v)...)
	}
	for _, v := range []string{`a\"b\\c`, `\u0041bc`, `x y`} {
		in := `{"value":"` + v + `","name":"DB_PASSWORD"}`
		out, kinds := r.Bytes([]byte(in))
		require.Equal(t, `{"value":"`, string(out[:10]), in)
		require.Equal(t, `","name":"DB_PASSWORD"}`, string(out[len(out)-23:]), in)
		require.NotEmpty(t, kinds, in)
	}
}

// TestOrdinaryReversedPairs: a value before a name that is no secret's, a
// reference to a secret, and members that are no pair stay.
func TestOrdinaryReversedPairs(t *testing.T) {
	r := newRedactor(t, "0123456789abcdef")
	requireUntouched(t, r,
		`{"env":[{"value":"db.internal","name":"DB_HOST"},{"value":"OPENAI_API_KEY","name":"SECRET_NAME"}]}`,
		`{"env":[{"valueFrom":{"secretKeyRef":{"name":"db","key":"password"}},"name":"DB_PASSWORD"}]}`,
		`{"env":[{"valueFrom":"arn:aws:ssm:us-east-1:1:parameter/db","name":"DB_PASSWORD"}]}`,
		`{"env":[{"value":"tok_1","name":"TOKEN_ID"}]}`, `{"other":"x","name":"DB_PASSWORD"}`,
		`{"value":"x","id":"DB_PASSWORD"}`, `["value","x","name","DB_PASSWORD"]`, `{"value":7,"name":"DB_PASSWORD"}`,
		`{"value":"x","secret":{"name":"DB_PASSWORD"}}`,
	)
}
