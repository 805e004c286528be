package decode_test

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/event"
	"github.com/credwatch/credwatch/ingest/decode"
)

// obj is a JSON object under construction.
type obj = map[string]any

// withChanges applies changes to a test message and returns it as JSON.
func withChanges(e obj, changes []func(obj)) string {
	for _, c := range changes {
		c(e)
	}
	b, err := json.Marshal(e)
	if err != nil {
		panic(err)
	}
	return string(b)
}

// remove deletes the key set names.
var remove = &struct{}{}

// set returns a change that puts value at a dotted path ("auth.metadata.role"),
// creating objects on the way; the value remove deletes the key.
func set(path string, value any) func(obj) { return setKey(value, strings.Split(path, ".")...) }

// setKey is set for keys that hold dots themselves
// ("authentication.kubernetes.io/pod-name").
func setKey(value any, keys ...string) func(obj) {
	return func(o obj) {
		for _, k := range keys[:len(keys)-1] {
			next, ok := o[k].(obj)
			if !ok {
				next = obj{}
				o[k] = next
			}
			o = next
		}
		if value == remove {
			delete(o, keys[len(keys)-1])
			return
		}
		o[keys[len(keys)-1]] = value
	}
}

// vaultEntry is a response entry of userpass-alice's token for op on path,
// changed by changes.
func vaultEntry(path, op string, changes ...func(obj)) string {
	e := obj{
		"time": "2026-11-20T08:00:00.123456789Z", "type": "response",
		"auth": obj{
			"client_token": "hmac-sha256:c0ffee", "accessor": "hmac-sha256:a11ce", "display_name": "userpass-alice",
			"entity_id": "ent-alice", "policies": []string{"default", "dev"}, "token_type": "service",
			"token_issue_time": "2026-11-20T07:00:00Z", "metadata": obj{"username": "alice"},
		},
		"request": obj{
			"id": "req-1", "operation": op, "path": path, "namespace": obj{"id": "root"},
			"client_token": "hmac-sha256:c0ffee", "client_token_accessor": "hmac-sha256:a11ce", "remote_address": "10.1.2.3",
		},
		"response": obj{},
	}
	return withChanges(e, changes)
}

// decodeAs decodes msg in format (auto-detected when "") from a topic whose
// default tenant is "topic-tenant"; skipped is a message holding no event.
func decodeAs(t *testing.T, format, msg string) (ev event.Event, skipped bool, err error) {
	t.Helper()
	d := newDecoder(t).WithSources(decode.Sources{Format: format, DefaultTenant: "topic-tenant"})
	evs, err := d.DecodeMessage([]byte(msg), "topic")
	if err != nil || len(evs) == 0 {
		return event.Event{}, err == nil, err
	}
	return evs[0], false, nil
}

// flat is an event as dotted paths ("token.id", "attrs.vault.path"), lists
// joined with commas; absent fields read as "". "action" is the adapter's.
func flat(t *testing.T, ev event.Event) map[string]string {
	b, err := json.Marshal(ev)
	require.NoError(t, err)
	var m map[string]any
	require.NoError(t, json.Unmarshal(b, &m))
	out := map[string]string{}
	var walk func(prefix string, v any)
	walk = func(prefix string, v any) {
		switch v := v.(type) {
		case map[string]any:
			for k, c := range v {
				walk(prefix+k+".", c)
			}
		case []any:
			parts := make([]string, len(v))
			for i, c := range v {
				parts[i] = fmt.Sprint(c)
			}
			out[strings.TrimSuffix(prefix, ".")] = strings.Join(parts, ",")
		default:
			out[strings.TrimSuffix(prefix, ".")] = fmt.Sprint(v)
		}
	}
	walk("", m)
	if op := out["attrs.operation"]; op != "" && out["action"] == "token.use" {
		out["action"] = op // the adapter's action, which the decoder may store as a token use
	}
	return out
}

// checkFields compares want's fields with the event's ("" is absent).
func checkFields(t *testing.T, ev event.Event, want map[string]string) {
	t.Helper()
	got := flat(t, ev)
	for k, w := range want {
		require.Equal(t, w, got[k], "field %s of %v", k, got)
	}
}

// adapterCase is one message and what its event must hold, or its rejection.
type adapterCase struct {
	name    string
	msg     string
	want    map[string]string
	skipped bool
	errAt   string // the rejection's field, with errWhy its reason
	errWhy  string
}

// runAdapterCases decodes every case in format.
func runAdapterCases(t *testing.T, format string, cases []adapterCase) {
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ev, skipped, err := decodeAs(t, format, c.msg)
			if c.errWhy != "" {
				var de *decode.Error
				require.ErrorAs(t, err, &de)
				require.Equal(t, c.errAt, de.Field, de.Error())
				require.Equal(t, c.errWhy, de.Reason, de.Error())
				return
			}
			require.NoError(t, err)
			require.Equal(t, c.skipped, skipped)
			if !skipped {
				checkFields(t, ev, c.want)
			}
		})
	}
}
