package decode_test

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/event"
	"github.com/credwatch/credwatch/ingest/decode"
)

// ghEntry is a minimal GitHub audit log entry with extra's fields (",k":v…)
// added or replacing its own.
func ghEntry(extra string) string {
	return withFields(`{"@timestamp":1763627730123,"_document_id":"doc-1","action":"git.clone","actor":"octocat",`+
		`"org":"acme","actor_ip":"203.0.113.42"}`, extra)
}

func TestGitHubDetectedOrConfigured(t *testing.T) {
	ev := decodeOK(t, newDecoder(t), ghEntry(``))
	require.Equal(t, event.FormatGitHub, ev.Format, "detected from the message alone")
	require.Equal(t, "octocat", ev.Actor.ID)

	// REST API form: created_at, no @timestamp or _document_id.
	rest := `{"action":"git.clone","actor":"octocat","created_at":1763627730123,"org":"acme"}`
	ev = decodeOK(t, newDecoder(t), rest)
	require.Equal(t, event.FormatGitHub, ev.Format)
	require.Equal(t, time.UnixMilli(1763627730123).UTC(), ev.Time)
	require.True(t, strings.HasPrefix(ev.ID, "sha256:"), "an id is derived")

	// GitHub's own alerts name no actor: only the topic's format tells them apart.
	alert := `{"action":"secret_scanning_alert.create","created_at":1697653252209,"org":"acme","repo":"acme/api","secret_type":"aws_access_key_id"}`
	_, err := newDecoder(t).Decode([]byte(alert))
	require.Error(t, err, "not detected")
	d := newDecoder(t).WithSources(decode.Sources{Format: decode.FormatGitHub})
	ev = decodeOK(t, d, alert)
	require.Equal(t, "token.leak_reported", ev.Action)
	require.Empty(t, ev.Token, "the leaked credential is not named")
	require.Equal(t, "aws_access_key_id", ev.Attrs["github.secret_type"])
	require.Equal(t, "2023-10-18T18:20:52.209Z", ev.Time.Format(time.RFC3339Nano), "milliseconds read exactly")
}

func TestGitHubRejections(t *testing.T) {
	cases := []struct{ name, msg, field, reason string }{
		{"no time", `{"_document_id":"d","action":"git.clone","actor":"octocat","org":"acme"}`, "@timestamp", decode.ReasonMissing},
		{"bad time", ghEntry(`,"@timestamp":"soon"`), "@timestamp", decode.ReasonBadTime},
		{"no action", `{"@timestamp":1763627730123,"actor":"octocat","org":"acme"}`, "action", decode.ReasonMissing},
		{"action not a string", ghEntry(`,"action":5`), "action", decode.ReasonType},
		{"no tenant", `{"@timestamp":1763627730123,"action":"git.clone","actor":"octocat"}`, "tenant", decode.ReasonMissing},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			de := rejection(t, newDecoder(t), c.msg)
			require.Equal(t, c.field, de.Field, de.Error())
			require.Equal(t, c.reason, de.Reason, de.Error())
		})
	}
}

func TestGitHubFields(t *testing.T) {
	cases := []fieldCase{
		{"@timestamp before created_at", `,"created_at":1600000000000`, func(t *testing.T, ev event.Event) {
			require.Equal(t, time.UnixMilli(1763627730123).UTC(), ev.Time)
		}, nil},
		{"RFC 3339 created_at", `,"@timestamp":null,"created_at":"2025-11-20T08:35:30.123Z"`, func(t *testing.T, ev event.Event) {
			require.Equal(t, time.UnixMilli(1763627730123).UTC(), ev.Time)
		}, nil},
		{"business when no org", `,"org":null,"business":"acme-inc"`, func(t *testing.T, ev event.Event) {
			require.Equal(t, "acme-inc", ev.Tenant)
		}, nil},
		{"org of the wrong type", `,"org":["acme"],"business":"acme-inc"`, func(t *testing.T, ev event.Event) {
			require.Equal(t, "acme-inc", ev.Tenant)
		}, []string{"org:wrong_type"}},
		{"bot by name", `,"actor":"renovate[bot]"`, func(t *testing.T, ev event.Event) {
			require.Equal(t, "service", ev.Actor.Type)
		}, nil},
		{"bot by flag", `,"actor":"ci-robot","actor_is_bot":true`, func(t *testing.T, ev event.Event) {
			require.Equal(t, "service", ev.Actor.Type)
		}, nil},
		{"not a bot", `,"actor_is_bot":"False"`, func(t *testing.T, ev event.Event) {
			require.Equal(t, "user", ev.Actor.Type)
		}, nil},
		{"address placeholder, country name", `,"actor_ip":"-","actor_location":{"country_code":"Germany"}`, func(t *testing.T, ev event.Event) {
			require.Equal(t, event.Source{Country: "DE"}, ev.Source)
		}, []string{"actor_ip:placeholder", "actor_location.country_code:normalised"}},
		{"numeric address", `,"actor_ip":1234`, func(t *testing.T, ev event.Event) {
			require.Empty(t, ev.Source.IP)
		}, []string{"actor_ip:wrong_type"}},
		{"token_id only", `,"token_id":"42"`, func(t *testing.T, ev event.Event) {
			require.Equal(t, "github_token:42", ev.Token.ID)
		}, nil},
		{"token_id beside the hash names the token", `,"hashed_token":"h=","token_id":9876543`, func(t *testing.T, ev event.Event) {
			require.Equal(t, "github_token:9876543", ev.Token.ID)
			require.Equal(t, "h=", ev.Attrs["github.hashed_token"])
		}, nil},
		{"the hash alone names the token", `,"hashed_token":"h="`, func(t *testing.T, ev event.Event) {
			require.Equal(t, "h=", ev.Token.ID)
			require.NotContains(t, ev.Attrs, "github.hashed_token")
		}, nil},
		{"token_id zero beside the hash", `,"hashed_token":"h=","token_id":"0"`, func(t *testing.T, ev event.Event) {
			require.Equal(t, "h=", ev.Token.ID)
		}, nil},
		{"token_id zero", `,"token_id":0`, func(t *testing.T, ev event.Event) {
			require.Empty(t, ev.Token)
		}, nil},
		{"token_id of the wrong type", `,"token_id":{"id":1}`, func(t *testing.T, ev event.Event) {
			require.Empty(t, ev.Token)
		}, []string{"token_id:wrong_type"}},
		{"scopes as a string", `,"hashed_token":"h=","token_scopes":" repo, admin:org ,,workflow"`, func(t *testing.T, ev event.Event) {
			require.Equal(t, []string{"repo", "admin:org", "workflow"}, ev.Token.Scopes)
		}, nil},
		{"scopes as an array", `,"hashed_token":"h=","token_scopes":["repo","gist"]`, func(t *testing.T, ev event.Event) {
			require.Equal(t, []string{"repo", "gist"}, ev.Token.Scopes)
		}, nil},
		{"denied request", `,"action":"api.request","status_code":401`, func(t *testing.T, ev event.Event) {
			require.Equal(t, "denied", ev.Outcome)
		}, nil},
		{"failed request", `,"action":"api.request","status_code":502`, func(t *testing.T, ev event.Event) {
			require.Equal(t, "failure", ev.Outcome)
		}, nil},
		{"public repository", `,"repo":"acme/site","visibility":"public"`, func(t *testing.T, ev event.Event) {
			require.Equal(t, event.Resource{Type: "repo", ID: "acme/site", Visibility: "public"}, ev.Resource)
		}, nil},
		{"internal repository", `,"repo":"acme/site","public_repo":true,"visibility":"internal"`, func(t *testing.T, ev event.Event) {
			require.Equal(t, "private", ev.Resource.Visibility)
		}, nil},
	}
	runFieldCases(t, ghEntry, cases)
}

func TestGitHubTokenKind(t *testing.T) {
	cases := []struct{ access, kind, owner string }{
		{"Fine-grained personal access token", "fine_grained", "octocat"},
		{"fine-grained personal access token", "fine_grained", "octocat"},
		{"Personal access token (classic)", "", "octocat"},
		{"OAuth access token", "oauth", "octocat"},
		{"GitHub App user-to-server token", "oauth", "octocat"},
		{"GitHub App server-to-server token", "", ""},
		{"Public Key (User/Deploy)", "", ""},
		{"", "", ""},
	}
	for _, c := range cases {
		ev := decodeOK(t, newDecoder(t), ghEntry(`,"hashed_token":"abc=","programmatic_access_type":"`+c.access+`"`))
		require.Equal(t, event.Token{ID: "abc=", Kind: c.kind, Owner: c.owner}, ev.Token, c.access)
		if c.access != "" {
			require.Equal(t, c.access, ev.Attrs["github.programmatic_access_type"])
		}
	}
}

func TestGitHubActions(t *testing.T) {
	cases := []struct{ extra, action string }{
		{`,"action":"git.clone"`, "git.clone"},
		{`,"action":"repo.download_zip"`, "repo.download_zip"},
		{`,"action":"secret_scanning_alert.create"`, "token.leak_reported"},
		{`,"action":"secret_scanning_push_protection.bypass"`, "token.leak_reported"},
		{`,"action":"personal_access_token.access_granted"`, "token.create"},
		{`,"action":"personal_access_token.request_created"`, "token.create"},
		{`,"action":"oauth_access.create"`, "token.create"},
		{`,"action":"personal_access_token.access_revoked"`, "token.revoke"},
		{`,"action":"oauth_access.destroy"`, "token.revoke"},
		{`,"action":"oauth_authorization.destroy"`, "token.revoke"},
		{`,"action":"hook.create"`, "webhook.create"},
		{`,"action":"org.add_member"`, "org.member_add"},
		{`,"action":"org.create_actions_secret"`, "secret.create"},
		{`,"action":"repo.update_actions_secret"`, "secret.update"},
		{`,"action":"environment.remove_actions_secret"`, "secret.delete"},
		{`,"action":"org.create_integration_secret"`, "secret.create"},
		{`,"action":"codespaces.update_an_org_secret"`, "secret.update"},
		{`,"action":"codespaces.remove_an_org_secret"`, "secret.delete"},
	}
	for _, c := range cases {
		ev := decodeOK(t, newDecoder(t), ghEntry(c.extra))
		require.Equal(t, c.action, ev.Action, c.extra)
		if c.action != strings.TrimSuffix(strings.TrimPrefix(c.extra, `,"action":"`), `"`) {
			require.NotEmpty(t, ev.Attrs["github.action"], "the GitHub action is kept: %s", c.extra)
		}
	}
}

func TestGitHubSecretsAndTokens(t *testing.T) {
	cases := []struct {
		extra  string
		secret event.Secret
		token  event.Token
	}{
		{`,"action":"org.create_actions_secret","secret_name":"NPM_TOKEN"`, event.Secret{ID: "acme/NPM_TOKEN", Name: "NPM_TOKEN"}, event.Token{}},
		{`,"action":"repo.update_actions_secret","repo":"acme/api","name":"DEPLOY_KEY"`, event.Secret{ID: "acme/api/DEPLOY_KEY", Name: "DEPLOY_KEY"}, event.Token{}},
		{`,"action":"environment.remove_actions_secret","repo":"acme/api","environment_name":"prod","secret_name":"DB_URL"`, event.Secret{ID: "acme/api/prod/DB_URL", Name: "DB_URL"}, event.Token{}},
		{`,"action":"org.create_actions_secret"`, event.Secret{}, event.Token{}},
		// Token lifecycle: the token acted on is token_id; the caller's hash goes to attrs.
		{`,"action":"personal_access_token.access_granted","actor":"owner","user":"octocat","token_id":77,"hashed_token":"caller="`, event.Secret{}, event.Token{ID: "github_token:77", Owner: "octocat"}},
		{`,"action":"oauth_access.destroy","token_id":"78"`, event.Secret{}, event.Token{ID: "github_token:78", Owner: "octocat"}},
		{`,"action":"personal_access_token.access_revoked","hashed_token":"caller="`, event.Secret{}, event.Token{}},
		// A leak report never names the caller's token as the leaked one.
		{`,"action":"secret_scanning_alert.create","hashed_token":"caller=","token_id":5`, event.Secret{}, event.Token{}},
	}
	for _, c := range cases {
		ev := decodeOK(t, newDecoder(t), ghEntry(c.extra))
		require.Equal(t, c.secret, ev.Secret, c.extra)
		require.Equal(t, c.token, ev.Token, c.extra)
	}
}

// fieldCase is one variant of a base message (extra fields appended) and
// what its event must hold.
type fieldCase struct {
	name, extra string
	check       func(t *testing.T, ev event.Event)
	warnings    []string
}

// runFieldCases decodes build(extra) for every case and checks it.
func runFieldCases(t *testing.T, build func(extra string) string, cases []fieldCase) {
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ev := decodeOK(t, newDecoder(t), build(c.extra))
			c.check(t, ev)
			require.Equal(t, c.warnings, ev.Warnings)
		})
	}
}
