package receiver

import (
	"bytes"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/respond/webhook"
)

// record is a revocation record of webhook id.
func record(id string) Record {
	return Record{WebhookID: id, Type: webhook.TypeRevoke, IntentID: "int_" + id, Credential: "tok_" + id,
		Tenant: "acme", Rule: "r", Received: now}
}

func TestFileJournalSurvivesReopen(t *testing.T) {
	dir := t.TempDir()
	j, err := OpenFileJournal(dir, nil)
	require.NoError(t, err)
	require.NoError(t, j.Append(record("a")))
	notify := record("b")
	notify.Type = webhook.TypeNotify
	require.NoError(t, j.Append(notify))
	require.ErrorIs(t, j.Append(record("a")), ErrAlreadyHandled)
	require.NoError(t, j.Close())
	require.Error(t, j.Append(record("c")), "closed")

	j, err = OpenFileJournal(dir, nil)
	require.NoError(t, err)
	defer j.Close()
	require.True(t, j.Handled("a"))
	require.True(t, j.Handled("b"))
	require.False(t, j.Handled("c"))
	require.Equal(t, []Record{record("a")}, j.Revocations())
	info, err := os.Stat(filepath.Join(dir, JournalFile))
	require.NoError(t, err)
	require.Equal(t, os.FileMode(0o600), info.Mode().Perm())
}

func TestFileJournalDropsATornLastLine(t *testing.T) {
	dir := t.TempDir()
	j, err := OpenFileJournal(dir, nil)
	require.NoError(t, err)
	require.NoError(t, j.Append(record("a")))
	require.NoError(t, j.Close())
	path := filepath.Join(dir, JournalFile)
	good, _ := os.ReadFile(path)
	require.NoError(t, os.WriteFile(path, append(bytes.Clone(good), `{"webhook_id":"b","ty`...), 0o600))

	var logs bytes.Buffer
	j, err = OpenFileJournal(dir, slog.New(slog.NewTextHandler(&logs, nil)))
	require.NoError(t, err)
	require.Contains(t, logs.String(), "dropping an incomplete last record")
	require.False(t, j.Handled("b"))
	require.NoError(t, j.Append(record("c")))
	require.NoError(t, j.Close())
	after, _ := os.ReadFile(path)
	require.Equal(t, 2, strings.Count(string(after), "\n"))

	j, err = OpenFileJournal(dir, nil)
	require.NoError(t, err)
	defer j.Close()
	require.Len(t, j.Revocations(), 2)
}

func TestFileJournalRefusesACorruptMiddle(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, JournalFile)
	require.NoError(t, os.WriteFile(path, []byte("{\"webhook_id\":\"a\"}\nnot json\n{\"webhook_id\":\"b\"}\n"), 0o600))
	_, err := OpenFileJournal(dir, nil)
	require.ErrorContains(t, err, "line 2 is not a journal record")
}

func TestFileJournalReadsLongLines(t *testing.T) {
	dir := t.TempDir()
	j, err := OpenFileJournal(dir, nil)
	require.NoError(t, err)
	r := record("a")
	r.Rule = strings.Repeat("r", 10_000) // longer than the reader's buffer
	require.NoError(t, j.Append(r))
	require.NoError(t, j.Close())
	j, err = OpenFileJournal(dir, nil)
	require.NoError(t, err)
	defer j.Close()
	require.Equal(t, []Record{r}, j.Revocations())
}

func TestMemoryJournal(t *testing.T) {
	j := NewMemoryJournal()
	dry := record("b")
	dry.DryRun = true
	require.NoError(t, j.Append(record("a")))
	require.NoError(t, j.Append(dry))
	require.ErrorIs(t, j.Append(record("a")), ErrAlreadyHandled)
	require.True(t, j.Handled("b"))
	got := j.Revocations()
	require.Equal(t, []Record{record("a")}, got)
	got[0].Credential = "changed"
	require.Equal(t, "tok_a", j.Revocations()[0].Credential, "Revocations returns a copy")
	require.Equal(t, time.UTC, got[0].Received.Location())
}
