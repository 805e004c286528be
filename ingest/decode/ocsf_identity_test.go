package decode_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

func TestOCSFCredentialAndSession(t *testing.T) {
	created := time.Date(2026, 11, 20, 7, 0, 0, 0, time.UTC)
	session := map[string]any{"uid": "s-9", "issuer": "arn:aws:iam::1:role/ci", "is_mfa": true, "created_time": created.UnixMilli()}
	for _, class := range []int{6003, 3002} {
		for _, where := range []string{"actor", "top"} {
			over := map[string]any{"api": map[string]any{"operation": "op"}}
			actor := map[string]any{"user": map[string]any{"uid": "bob", "credential_uid": "AKIDEXAMPLE1"}}
			if where == "actor" {
				actor["session"] = session
			} else {
				over["session"] = session
			}
			over["actor"] = actor
			ev, err := decodeWith(t, "t", ocsfMsg(t, class, over))
			require.NoError(t, err)
			require.Equal(t, "AKIDEXAMPLE1", ev.Token.ID, "class %d session %s", class, where)
			require.Equal(t, "s-9", ev.SessionID)
			require.Equal(t, created, ev.Token.CreatedAt)
			require.Equal(t, "true", ev.Attrs["session.mfa"])
			require.Equal(t, "arn:aws:iam::1:role/ci", ev.Attrs["session.issuer"])
		}
	}
}

func TestOCSFUserPrecedenceAndPlaceholders(t *testing.T) {
	windows := map[string]any{"uid": "NULL SID", "name": "Administrator"}
	subject := map[string]any{"user": map[string]any{"uid": "S-1-5-18", "name": "SYSTEM"}}
	ev, err := decodeWith(t, "t", ocsfMsg(t, 3002, map[string]any{"user": windows, "actor": subject}))
	require.NoError(t, err)
	require.Equal(t, "Administrator", ev.Actor.ID, "3002: the user logging on, its name over a placeholder uid")
	ev, err = decodeWith(t, "t", ocsfMsg(t, 6003, map[string]any{"user": windows, "actor": subject, "api": map[string]any{"operation": "op"}}))
	require.NoError(t, err)
	require.Equal(t, "S-1-5-18", ev.Actor.ID, "6003: the actor")
	ev, err = decodeWith(t, "t", ocsfMsg(t, 3002, map[string]any{"user": map[string]any{"uid": "-", "name": "-", "email_addr": "eve@example.com"}, "actor": nil}))
	require.NoError(t, err)
	require.Equal(t, "eve@example.com", ev.Actor.ID)
	_, err = decodeWith(t, "t", ocsfMsg(t, 3002, map[string]any{"user": map[string]any{"uid": "-"}, "actor": nil}))
	require.ErrorContains(t, err, "actor.user")
}

func TestOCSFEndpointNoise(t *testing.T) {
	cases := []struct {
		ip, country   string
		wantIP, wantC string
		warnings      []string
	}{
		{"-", "-", "", "", []string{"src_endpoint.ip:placeholder", "src_endpoint.location.country:placeholder"}},
		{"N/A", "United States", "", "US", []string{"src_endpoint.ip:placeholder", "src_endpoint.location.country:normalised"}},
		{"010.001.002.003", "Germany", "10.1.2.3", "DE", []string{"src_endpoint.ip:normalised", "src_endpoint.location.country:normalised"}},
		{"203.0.113.9:51234", "FRA", "203.0.113.9", "FR", []string{"src_endpoint.ip:normalised", "src_endpoint.location.country:normalised"}},
		{"[2001:db8::1]:443", "jp", "2001:db8::1", "JP", []string{"src_endpoint.ip:normalised"}},
		{"not-an-ip", "Atlantis", "", "", []string{"src_endpoint.ip:invalid_value", "src_endpoint.location.country:invalid_value"}},
		{"198.51.100.7", "United Kingdom", "198.51.100.7", "GB", []string{"src_endpoint.location.country:normalised"}},
	}
	for _, c := range cases {
		src := map[string]any{"ip": c.ip, "location": map[string]any{"country": c.country}}
		ev, err := decodeWith(t, "t", ocsfMsg(t, 3002, map[string]any{"src_endpoint": src}))
		require.NoError(t, err, "%+v", c)
		require.Equal(t, c.wantIP, ev.Source.IP, "%+v", c)
		require.Equal(t, c.wantC, ev.Source.Country, "%+v", c)
		require.Equal(t, c.warnings, ev.Warnings, "%+v", c)
	}
}

func TestOCSFUnusableRequiredFieldsReject(t *testing.T) {
	for name, over := range map[string]map[string]any{
		"no time":        {"time": nil},
		"time garbage":   {"time": "yesterday"},
		"no operation":   {"api": map[string]any{}},
		"operation dash": {"api": map[string]any{"operation": "-"}},
		"no user":        {"actor": nil},
	} {
		_, err := decodeWith(t, "t", ocsfMsg(t, 6003, over))
		require.Error(t, err, name)
	}
}

// TestOCSFNullIsland: 0, 0 is an enrichment's placeholder for no place, not
// a place in the Gulf of Guinea; one coordinate alone is no place either.
func TestOCSFNullIsland(t *testing.T) {
	for _, c := range []struct {
		loc      map[string]any
		geo      bool
		warnings []string
	}{
		{map[string]any{"lat": 0, "long": 0}, false, []string{"src_endpoint.location:placeholder"}},
		{map[string]any{"lat": 0, "long": 9.99}, true, nil},
		{map[string]any{"lat": 53.55}, false, nil},
		{map[string]any{"lat": 53.55, "long": 9.99}, true, nil},
	} {
		ev, err := decodeWith(t, "t", ocsfMsg(t, 3002, map[string]any{"src_endpoint": map[string]any{"ip": "198.51.100.7", "location": c.loc}}))
		require.NoError(t, err, "%+v", c)
		require.Equal(t, c.geo, ev.Source.HasGeo, "%+v", c)
		require.Equal(t, c.warnings, ev.Warnings, "%+v", c)
	}
}
