package decode_test

import (
	"testing"

	"github.com/credwatch/credwatch/ingest/decode"
)

// ghesEntry is a GitHub Enterprise Server audit log entry, which keeps the
// request's details in data: GitHub-Admin creating a personal access token
// ("postman") in the web UI, changed by changes.
func ghesEntry(changes ...func(obj)) string {
	return withChanges(obj{
		"actor_ip": "11.12.13.14", "from": "oauth_tokens#create", "actor": "GitHub-Admin", "actor_id": 4, "user": "GitHub-Admin", "user_id": 4,
		"action": "oauth_access.create", "created_at": 1763633400160,
		"data": obj{"user_agent": "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/131.0", "method": "POST", "request_id": "0ffae1d1-2559",
			"controller_action": "create", "url": "https://ghe.acme.example/settings/tokens", "actor_session": 1, "oauth_access_id": 6,
			"application_id": 0, "application_name": "postman", "scopes": []any{"admin:org", "repo", "site_admin"},
			"token_last_eight": "5N1d1A7D", "hashed_token": "l4q/mZnBHhCoEqslbnTousw/LhjZ30seQHDJ0ZujyKk=", "_document_id": "za92SHZCezXszJQosM8uEQ",
			"@timestamp": 1763633400160, "operation_type": "create"},
	}, changes)
}

// TestGitHubEnterpriseServer: an Enterprise Server entry's id, session,
// request and token are read from data; a token created in the web UI is
// named by its hash, as the requests made with it are.
func TestGitHubEnterpriseServer(t *testing.T) {
	hash := "l4q/mZnBHhCoEqslbnTousw/LhjZ30seQHDJ0ZujyKk="
	cases := []adapterCase{
		{name: "token created", msg: ghesEntry(), want: map[string]string{"id": "za92SHZCezXszJQosM8uEQ", "action": "token.create",
			"actor.id": "GitHub-Admin", "token.id": hash, "token.owner": "GitHub-Admin", "token.scopes": "admin:org,repo,site_admin",
			"session_id": "1", "request_id": "0ffae1d1-2559", "source.user_agent": "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/131.0",
			"source.ip": "11.12.13.14", "warnings": ""}},
		{name: "token deleted", msg: ghesEntry(set("action", "oauth_access.destroy")), want: map[string]string{"action": "token.revoke", "token.id": hash}},
		{name: "used", msg: ghesEntry(set("action", "api.request"), set("data.token_last_eight", remove), set("actor_ip", "185.220.101.4")),
			want: map[string]string{"attrs.operation": "api.request", "token.id": hash, "source.ip": "185.220.101.4"}},
		{name: "a caller's hash is not the token acted on", msg: ghesEntry(set("action", "personal_access_token.access_revoked"), set("data.token_last_eight", remove)),
			want: map[string]string{"action": "token.revoke", "token.id": "", "attrs.github.hashed_token": hash}},
		{name: "at the top wins", msg: ghesEntry(set("_document_id", "top-id"), set("request_id", "top-req")),
			want: map[string]string{"id": "top-id", "request_id": "top-req"}},
	}
	runAdapterCases(t, "", cases)
	runAdapterCases(t, decode.FormatGitHub, cases)
}
