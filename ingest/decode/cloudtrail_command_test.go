package decode_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestCloudTrailCommandedInstances: a successful call that runs code on EC2
// instances or opens a shell on them names the instances it reached
// (attrs.aws.commanded_instances), whichever call (new user data too),
// id length or case, named or targeted by id; a refused one, one by tag
// or to a managed node, another attribute's change and any other call
// that names instances do not.
func TestCloudTrailCommandedInstances(t *testing.T) {
	d := newDecoder(t)
	call := func(source, name, params string) string {
		return ctRecord(`,"eventSource":"` + source + `.amazonaws.com","eventName":"` + name + `","requestParameters":` + params +
			`,"userIdentity":{"type":"IAMUser","arn":"arn:aws:iam::123456789012:user/ops","accessKeyId":"AKIAEXAMPLE"},"sourceIPAddress":"198.51.100.7"`)
	}
	for _, c := range []struct{ name, msg, want string }{
		{"SendCommand to two", call("ssm", "SendCommand", `{"documentName":"AWS-RunShellScript","instanceIds":["i-0abc123def4567890","i-1a2b3c4d"]}`), "i-0abc123def4567890,i-1a2b3c4d"},
		{"SendCommand, an anonymised id", call("ssm", "SendCommand", `{"instanceIds":["i-786a3A8B5C0d92eF4"],"parameters":"HIDDEN_DUE_TO_SECURITY_REASONS"}`), "i-786a3A8B5C0d92eF4"},
		{"SendCommand by tag", call("ssm", "SendCommand", `{"targets":[{"key":"tag:Role","values":["web"]}]}`), ""},
		{"SendCommand, targets by id", call("ssm", "SendCommand", `{"targets":[{"key":"InstanceIds","values":["i-0abc123def4567890","i-1a2b3c4d"]}]}`), "i-0abc123def4567890,i-1a2b3c4d"},
		{"new user data", call("ec2", "ModifyInstanceAttribute", `{"instanceId":"i-DDd6c7B0e18F0E35f","userData":"<sensitiveDataRemoved>"}`), "i-DDd6c7B0e18F0E35f"},
		{"another attribute", call("ec2", "ModifyInstanceAttribute", `{"instanceId":"i-0abc123def4567890","instanceType":{"value":"t3.large"}}`), ""},
		{"StartSession", call("ssm", "StartSession", `{"target":"i-0fedcba9876543210"}`), "i-0fedcba9876543210"},
		{"StartSession to a managed node", call("ssm", "StartSession", `{"target":"mi-0fedcba9876543210"}`), ""},
		{"EC2 Instance Connect", call("ec2-instance-connect", "SendSSHPublicKey", `{"instanceId":"i-0123456789abcdef0","instanceOSUser":"ec2-user","sSHPublicKey":"ssh-ed25519 AAAA"}`), "i-0123456789abcdef0"},
		{"serial console", call("ec2-instance-connect", "SendSerialConsoleSSHPublicKey", `{"instanceId":"i-0123456789abcdef0","serialPort":0}`), "i-0123456789abcdef0"},
		{"refused", withFields(call("ssm", "SendCommand", `{"instanceIds":["i-0abc123def4567890"]}`), `,"errorCode":"AccessDenied"`), ""},
		{"another call naming instances", call("ec2", "StopInstances", `{"instancesSet":{"items":[{"instanceId":"i-0abc123def4567890"}]}}`), ""},
		{"targets not objects", call("ssm", "SendCommand", `{"targets":["InstanceIds",7]}`), ""},
		{"ids of the wrong type", call("ssm", "SendCommand", `{"instanceIds":[7,{"id":"i-0abc123def4567890"},"i-0abc123def4567890"]}`), "i-0abc123def4567890"},
		{"no parameters", call("ssm", "SendCommand", `""`), ""},
	} {
		evs, err := d.DecodeMessage([]byte(c.msg), "t")
		require.NoError(t, err, c.name)
		require.Len(t, evs, 1, c.name)
		require.Equal(t, c.want, evs[0].Attrs["aws.commanded_instances"], c.name)
	}
}

// TestCloudTrailFileOldestFirst: CloudTrail writes a file's records in no
// set order; they are handed on oldest first (a command on an instance
// before its credentials' use), ties in the file's order, whatever order
// the file has.
func TestCloudTrailFileOldestFirst(t *testing.T) {
	d := newDecoder(t)
	rec := func(id, at string) string {
		return withFields(ctRecord(`,"eventID":"`+id+`","eventTime":"`+at+`"`), "")
	}
	recs := []string{rec("a", "2026-11-20T08:00:00Z"), rec("b", "2026-11-20T08:00:31Z"), rec("c", "2026-11-20T08:00:31Z"), rec("d", "2026-11-20T09:15:00Z")}
	for _, order := range [][]int{{0, 1, 2, 3}, {3, 2, 1, 0}, {2, 0, 3, 1}, {1, 3, 2, 0}} {
		var body []string
		for _, i := range order {
			body = append(body, recs[i])
		}
		evs, err := d.DecodeMessage([]byte(`{"Records":[`+strings.Join(body, ",")+`]}`), "t")
		require.NoError(t, err)
		var ids string
		for _, ev := range evs {
			ids += ev.ID
		}
		want := "abcd"
		if slices.Index(order, 2) < slices.Index(order, 1) {
			want = "acbd" // a tie keeps the file's order
		}
		require.Equal(t, want, ids, "order %v", order)
	}
}

// TestOCSFCommandedInstances: AWS Security Lake's OCSF API Activity of the
// same calls names the instances from api.request.data, or from
// unmapped.requestParameters; a refused call and another call do not.
func TestOCSFCommandedInstances(t *testing.T) {
	api := func(service, op string, data any) map[string]any {
		a := map[string]any{"operation": op, "service": map[string]any{"name": service}, "request": map[string]any{"uid": "r-1"}}
		if data != nil {
			a["request"] = map[string]any{"uid": "r-1", "data": data}
		}
		return a
	}
	for _, c := range []struct {
		name string
		over map[string]any
		want string
	}{
		{"SendCommand, request data", map[string]any{"api": api("ssm.amazonaws.com", "SendCommand", map[string]any{"instanceIds": []string{"i-0abc123def4567890"}})}, "i-0abc123def4567890"},
		{"StartSession, unmapped parameters", map[string]any{"api": api("ssm.amazonaws.com", "StartSession", nil),
			"unmapped": map[string]any{"requestParameters": map[string]any{"target": "i-1a2b3c4d"}}}, "i-1a2b3c4d"},
		{"Instance Connect", map[string]any{"api": api("ec2-instance-connect.amazonaws.com", "SendSSHPublicKey", map[string]any{"instanceId": "i-0123456789abcdef0"})}, "i-0123456789abcdef0"},
		{"refused", map[string]any{"status_id": 2, "api": api("ssm.amazonaws.com", "SendCommand", map[string]any{"instanceIds": []string{"i-0abc123def4567890"}})}, ""},
		{"another call", map[string]any{"api": api("ec2.amazonaws.com", "StopInstances", map[string]any{"instanceIds": []string{"i-0abc123def4567890"}})}, ""},
		{"data not an object", map[string]any{"api": api("ssm.amazonaws.com", "SendCommand", "instanceIds=i-0abc123def4567890")}, ""},
	} {
		ev, err := decodeWith(t, "123456789012", ocsfMsg(t, 6003, c.over))
		require.NoError(t, err, c.name)
		require.Equal(t, c.want, ev.Attrs["aws.commanded_instances"], c.name)
	}
}
