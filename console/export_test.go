package console

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"slices"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/event"
)

// TestExportStreams: CSV and JSON lines as an attachment, the status,
// rows and next page in trailers; a capped export continues where it
// stopped, without gaps or repeats.
func TestExportStreams(t *testing.T) {
	x := newForensicRig(t)
	resp, body := x.fetch(t, "tok-admin", "/api/v1/events/export?"+dayRange+"&eq=actor.id:pager")
	require.Equal(t, http.StatusOK, resp.StatusCode)
	require.Equal(t, "text/csv; charset=utf-8", resp.Header.Get("Content-Type"))
	require.Regexp(t, `^attachment; filename="credwatch-events-\d{8}T\d{6}Z-\d{8}T\d{6}Z\.csv"$`, resp.Header.Get("Content-Disposition"))
	rows := readCSV(t, body)
	require.Equal(t, eventCSVHeader(), rows[0])
	require.Equal(t, pagerIDs(true, nil), csvColumn(rows, "id"))
	require.Equal(t, []string{"complete", "30", ""}, exportTrailers(resp))

	var ids []string
	next := ""
	for range 10 {
		resp, body := x.fetch(t, "tok-two", "/api/v1/events/export?"+dayRange+"&eq=actor.id:pager&format=jsonl&order=asc&limit=7&before="+
			url.QueryEscape(next))
		require.Equal(t, "application/x-ndjson", resp.Header.Get("Content-Type"))
		sc := bufio.NewScanner(bytes.NewReader(body))
		for sc.Scan() {
			var e event.Event
			require.NoError(t, json.Unmarshal(sc.Bytes(), &e))
			ids = append(ids, e.ID)
		}
		tr := exportTrailers(resp)
		if next = tr[2]; next == "" {
			require.Equal(t, "complete", tr[0])
			break
		}
		require.Equal(t, []string{"capped", "7"}, tr[:2])
	}
	require.Equal(t, pagerIDs(false, []string{"acme", "globex"}), ids)
	e := x.actions.entries[len(x.actions.entries)-1]
	require.Equal(t, "events.export", e.Action)
	require.Contains(t, e.Detail, `"format":"jsonl"`)
	x.requireBadParam(t, "tok-admin", "/api/v1/events/export?"+dayRange+"&limit=100001", "limit")
	x.requireBadParam(t, "tok-admin", "/api/v1/events/export?"+dayRange+"&format=json", "format")
	x.requireBadParam(t, "tok-admin", "/api/v1/events/export?limit=10", "from")
}

// TestCSVNeutralisesFormulas: cells a spreadsheet would run are prefixed
// with an apostrophe in the search, export and timeline CSVs, and CSV's
// separators stay inside their cell.
func TestCSVNeutralisesFormulas(t *testing.T) {
	x := newForensicRig(t)
	for _, path := range []string{"/api/v1/events/search?format=csv&" + dayRange + "&eq=id:csv-evil",
		"/api/v1/events/export?" + dayRange + "&eq=actor.id:" + url.QueryEscape("@evil")} {
		resp, body := x.fetch(t, "tok-acme-investigator", path)
		require.Equal(t, http.StatusOK, resp.StatusCode, string(body))
		rows := readCSV(t, body)
		require.Len(t, rows, 2, path)
		require.Equal(t, []string{`'=HYPERLINK("http://x","y")`}, csvColumn(rows, "resource.id"))
		require.Equal(t, []string{"'@evil"}, csvColumn(rows, "actor.id"))
		require.Equal(t, []string{"'+1,2\n3"}, csvColumn(rows, "source.user_agent"))
		require.Equal(t, []string{"'-2+3"}, csvColumn(rows, "session_id"))
		require.Equal(t, []string{"region=eu-acme"}, csvColumn(rows, "attrs"))
	}
	resp, body := x.fetch(t, "tok-acme-investigator", "/api/v1/credentials/tok_evil/timeline?format=csv&limit=1")
	require.Equal(t, "text/csv; charset=utf-8", resp.Header.Get("Content-Type"))
	rows := readCSV(t, body)
	require.Equal(t, timelineCSVHeader, rows[0])
	require.Equal(t, []string{`model:=HYPERLINK("http://x","y")`}, csvColumn(rows, "resource"), "a letter first: text")
	require.Equal(t, []string{"'@evil"}, csvColumn(rows, "actor"))
	require.Equal(t, []string{"'+1,2\n3"}, csvColumn(rows, "source_user_agent"))
	for in, want := range map[string]string{"=1+1": "'=1+1", "+1": "'+1", "-1": "'-1", "@A1": "'@A1", "\t=1": "'\t=1",
		"\r=1": "'\r=1", "a=1": "a=1", "": "", "'=1": "'=1", " =1": " =1"} {
		require.Equal(t, want, csvSafe(in), "%q", in)
	}
}

// fetch requests path and returns the response with its body (and so its
// trailers) read.
func (x *rig) fetch(t *testing.T, token, path string) (*http.Response, []byte) {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, x.srv.URL+path, nil)
	require.NoError(t, err)
	req.Header.Set("Authorization", "Bearer "+token)
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	return resp, body
}

func exportTrailers(resp *http.Response) []string {
	return []string{resp.Trailer.Get(exportStatusTrailer), resp.Trailer.Get(exportRowsTrailer), resp.Trailer.Get(nextHeader)}
}

func readCSV(t *testing.T, body []byte) [][]string {
	rows, err := csv.NewReader(bytes.NewReader(body)).ReadAll()
	require.NoError(t, err)
	require.NotEmpty(t, rows)
	return rows
}

// csvColumn is the named column of rows after the header.
func csvColumn(rows [][]string, name string) []string {
	i := slices.Index(rows[0], name)
	out := []string{}
	for _, r := range rows[1:] {
		out = append(out, r[i])
	}
	return out
}
