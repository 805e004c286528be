package console

import (
	"net/url"
	"slices"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// TestSecretHistory: who read the secret, from which workload, build and
// network, per reader too; a scoped investigator sees its tenants' reads
// only; pages have no gaps or repeats.
func TestSecretHistory(t *testing.T) {
	x := newForensicRig(t)
	var all SecretHistory
	x.getJSON(t, "tok-admin", "/api/v1/secrets/history?secret=sec_db", &all)
	require.Len(t, all.Events, 7)
	require.Equal(t, "build-read-4", all.Events[0].ID, "newest first")
	builds := map[string]string{}
	for _, e := range all.Events {
		builds[e.ID] = e.Build
	}
	require.Equal(t, map[string]string{"globex-sec-1": "bld_g", "mal-acme-1": "", "build-read-0": "bld_1", "build-read-1": "bld_1",
		"build-read-2": "bld_1", "build-read-3": "bld_2", "build-read-4": "bld_2"}, builds)
	require.Len(t, all.Readers, 3)
	b := all.Readers[0]
	require.Equal(t, "build:acme/app", b.Actor, "the busiest reader first")
	require.Equal(t, []uint64{5, 5, 0}, []uint64{b.Events, b.Reads, b.Failures})
	require.Equal(t, []string{"space:acme/app"}, b.Workloads)
	require.Equal(t, []string{"bld_1", "bld_2"}, b.Builds)
	require.Equal(t, []uint32{16509}, b.ASNs)
	require.Equal(t, now.Add(-60*time.Minute), b.FirstSeen)

	var acme SecretHistory
	x.getJSON(t, "tok-acme-investigator", "/api/v1/secrets/history?secret=sec_db", &acme)
	require.Len(t, acme.Events, 6)
	for _, e := range acme.Events {
		require.Equal(t, "acme", e.Tenant)
	}
	require.Equal(t, []string{"build:acme/app", "mallory"}, readerNames(acme.Readers))
	x.getJSON(t, "tok-admin", "/api/v1/secrets/history?secret=sec_db&tenant=globex", &acme)
	require.Equal(t, []string{"user@globex"}, readerNames(acme.Readers))
	for _, q := range []string{"&tenant=globex", "&tenant=initech", "&tenant=" + url.QueryEscape("acme' OR '1'='1")} {
		var none SecretHistory
		x.getJSON(t, "tok-acme-investigator", "/api/v1/secrets/history?secret=sec_db"+q, &none)
		require.Empty(t, none.Events, q)
		require.Empty(t, none.Readers, q)
	}
	require.Equal(t, eventIDs(all.Events), x.secretPages(t, "tok-admin", 2))
	require.Equal(t, slices.DeleteFunc(eventIDs(all.Events), func(id string) bool { return id == "globex-sec-1" }),
		x.secretPages(t, "tok-acme-investigator", 4))

	var window SecretHistory
	x.getJSON(t, "tok-admin", "/api/v1/secrets/history?secret=sec_db&from="+rfc(now.Add(-75*time.Minute))+
		"&to="+rfc(now.Add(-58*time.Minute)), &window)
	require.Equal(t, []string{"build-read-1", "build-read-0", "globex-sec-1"}, eventIDs(window.Events))
	require.Equal(t, "secret.history", x.actions.entries[len(x.actions.entries)-1].Action)
	x.requireBadParam(t, "tok-admin", "/api/v1/secrets/history?tenant=acme", "secret")
	x.requireBadParam(t, "tok-admin", "/api/v1/secrets/history?secret=sec_db&before=sec_db", "before")
}

// secretPages follows sec_db's history limit events at a time.
func (x *rig) secretPages(t *testing.T, token string, limit int) []string {
	var ids []string
	next := ""
	for range 20 {
		var p SecretHistory
		x.getJSON(t, token, "/api/v1/secrets/history?secret=sec_db&limit="+itoa(limit)+"&before="+url.QueryEscape(next), &p)
		require.LessOrEqual(t, len(p.Events), limit)
		ids = append(ids, eventIDs(p.Events)...)
		if next = p.Next; next == "" {
			return ids
		}
	}
	t.Fatal("paging did not end")
	return nil
}
