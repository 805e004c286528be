package decode_test

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// TestOCSFIdentityClasses: Account Change, Authorize Session, Entity,
// User Access and Group Management events are kept, with who acted, their
// credential and whom they acted on; a cloud API call mapped into one of
// them (Security Lake's CloudTrail mapping; 1.0.0-rc.2's API Activity,
// numbered 3005) maps as API Activity does.
func TestOCSFIdentityClasses(t *testing.T) {
	aws := map[string]any{"user": map[string]any{"type": "AssumedRole", "uid": "AROA2W7SOKHDLNCOKZNPS:Admin-user",
		"credential_uid": "ASIA2W7SOKHDHBO4U2HE", "account": map[string]any{"uid": "112233445566"}}}
	okta := map[string]any{"user": map[string]any{"email_addr": "okta@okta-test.com", "uid": "00u1jos4"}, "session": map[string]any{"uid": "idxupsS57B7T2igHNe5JpSPZQ"}}
	for _, c := range []struct {
		name   string
		class  int
		over   map[string]any
		action string
		format string
		token  string // "redacted:" for an AWS access key id
		actor  string
		target string
	}{
		{"rc.2 API Activity (3005)", 3005, map[string]any{"metadata": map[string]any{"version": "1.0.0-rc.2", "uid": "u-2"}, "actor": aws,
			"api": map[string]any{"operation": "DescribeDirectConnectGateways", "service": map[string]any{"name": "directconnect.amazonaws.com"}}},
			"DescribeDirectConnectGateways", "ocsf.api_activity", "redacted:", "AROA2W7SOKHDLNCOKZNPS:Admin-user", ""},
		{"CloudTrail CreateUser as Account Change", 3001, map[string]any{"actor": aws, "user": map[string]any{"name": "test_user2"},
			"api": map[string]any{"operation": "CreateUser", "service": map[string]any{"name": "iam.amazonaws.com"}}},
			"CreateUser", "ocsf.api_activity", "redacted:", "", ""},
		{"Okta locks an account", 3001, map[string]any{"activity_id": 9, "activity_name": "Lock", "actor": okta, "user": map[string]any{"name": "bob@acme.example"}},
			"account_change.lock", "ocsf.identity", "", "00u1jos4", "bob@acme.example"},
		{"Windows adds a user to a group", 3006, map[string]any{"activity_id": 3, "activity_name": "Add User",
			"actor": map[string]any{"user": map[string]any{"name": "administrator", "uid": "S-1-5-21-1-500"}}, "user": map[string]any{"name": "eve"}},
			"group_management.add_user", "ocsf.identity", "", "", "eve"},
		{"1.x User Access Management, no name", 3005, map[string]any{"activity_id": 1, "privileges": []any{"SeDebugPrivilege"}},
			"user_access.activity_1", "ocsf.identity", "", "alice", ""},
		{"Authorize Session", 3003, map[string]any{"activity_id": 1, "activity_name": "Assign Privileges"},
			"authorize_session.assign_privileges", "ocsf.identity", "", "alice", ""},
	} {
		ev, err := decodeWith(t, "t", ocsfMsg(t, c.class, c.over))
		require.NoError(t, err, c.name)
		require.Equal(t, c.format, ev.Format, c.name)
		if c.token == "redacted:" { // an access key id is named by its keyed reference
			require.Contains(t, ev.Token.ID, c.token, c.name)
		} else {
			require.Equal(t, c.token, ev.Token.ID, c.name)
		}
		if c.token != "" && ev.Action == "token.use" {
			require.Equal(t, c.action, ev.Attrs["operation"], c.name)
		} else {
			require.Equal(t, c.action, ev.Action, c.name)
		}
		if c.actor != "" {
			require.Equal(t, c.actor, ev.Actor.ID, c.name)
		}
		require.Equal(t, c.target, ev.Attrs["ocsf.target_user"], c.name)
	}
}
