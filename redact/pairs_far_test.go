package redact_test

import "testing"

// TestFarPairValues: a pair's value up to eight members after its secret
// name, or up to eight string members before it, is redacted; plain and
// JSON-escaped.
func TestFarPairValues(t *testing.T) {
	r := newRedactor(t, "0123456789abcdef")
	const v = "TfXS3iNO4YW2VmnjkR"
	for _, name := range []string{"db_password", "DB_PASSWORD", "apiToken", "Passwort"} {
		ins := []string{
			jsonf(`{"variables":[{"name":%q,"sensitive":true,"type":"string","description":"primary db","nullable":false,"value":%q}]}`, name, v),
			jsonf(`[{"name":%q,"a":1,"b":"x","c":"y","d":2,"e":"z","f":3,"value":%q}]`, name, v),
			jsonf(`{"environmentVariables":[{"value":%q,"type":"PLAINTEXT","name":%q}]}`, v, name),
			jsonf(`[{"value":%q,"a":"1","b":"2","c":"3","name":%q}]`, v, name),
			`{"log":"[{\"value\":\"` + v + `\",\"type\":\"PLAINTEXT\",\"name\":\"` + name + `\"}]"}`,
		}
		requireScrubbed(t, r, v, ins...)
	}
}

// TestFarPairLookAlikes: values of pairs whose name is no secret's, and
// values in neighbouring objects, stay.
func TestFarPairLookAlikes(t *testing.T) {
	r := newRedactor(t, "0123456789abcdef")
	requireUntouched(t, r,
		`{"environmentVariables":[{"value":"prod","type":"PLAINTEXT","name":"STAGE"},{"value":"us-east-1","type":"PLAINTEXT","name":"REGION"}]}`,
		`[{"name":"LOG_LEVEL","a":1,"b":"x","c":"y","d":2,"e":"z","f":3,"value":"debug"}]`,
		`{"value":"public","name":"db_password_file"}`)
}
