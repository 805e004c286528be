package detect_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"slices"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/detect"
	"github.com/credwatch/credwatch/ingest/decode"
)

// vendorSamples are pretty-printed CloudTrail records, as vendors' docs
// and consoles show them.
var vendorSamples = []string{"aws_docs_getsecretvalue", "aws_docs_getsecretvalue_other_session_ipv6", "aws_docs_getsecretvalue_reordered"}

func backtestBytes(t *testing.T, in []byte) detect.OfflineStats {
	t.Helper()
	dec := offlineDecoder(t, time.Date(9999, 1, 1, 0, 0, 0, 0, time.UTC))
	st, err := detect.RunFile(context.Background(), bytes.NewReader(in), io.Discard, dec, newEngine(t))
	require.NoError(t, err)
	return st
}

func gzipped(t *testing.T, b []byte) []byte {
	var out bytes.Buffer
	w := gzip.NewWriter(&out)
	_, err := w.Write(b)
	require.NoError(t, err)
	require.NoError(t, w.Close())
	return out.Bytes()
}

// TestBacktestReadsVendorFilesAsTheyAre: pretty-printed records one after
// another, an array of them, and a CloudTrail log file of several MB, each
// gzipped or not, are judged record by record.
func TestBacktestReadsVendorFilesAsTheyAre(t *testing.T) {
	var pretty []byte
	var records []json.RawMessage
	for _, name := range vendorSamples {
		b, err := os.ReadFile("../testdata/decode/cloudtrail/" + name + ".json")
		require.NoError(t, err)
		pretty = append(append(pretty, b...), '\n')
		var c bytes.Buffer
		require.NoError(t, json.Compact(&c, b))
		records = append(records, c.Bytes())
	}
	array, err := json.MarshalIndent(records, "", "  ")
	require.NoError(t, err)
	big := bigRecordsFile(t, records[0], 3000)
	require.Greater(t, len(big), 2*decode.DefaultLimits().MaxMessage)
	for name, c := range map[string]struct {
		in     []byte
		events int
	}{"pretty records": {pretty, 3}, "an array": {array, 3}, "a large CloudTrail file": {big, 3000}} {
		for _, in := range [][]byte{c.in, gzipped(t, c.in)} {
			st := backtestBytes(t, in)
			require.Equal(t, c.events, st.Events, name)
			require.Zero(t, st.Rejected, name)
		}
	}
}

// bigRecordsFile is a CloudTrail log file of n copies of record, each with
// its own eventID.
func bigRecordsFile(t *testing.T, record json.RawMessage, n int) []byte {
	var rec map[string]any
	require.NoError(t, json.Unmarshal(record, &rec))
	file := struct{ Records []map[string]any }{}
	for i := range n {
		r := map[string]any{}
		for k, v := range rec {
			r[k] = v
		}
		r["eventID"] = fmt.Sprintf("6f1a2b3c-4d5e-4f60-8a7b-%012d", i)
		file.Records = append(file.Records, r)
	}
	b, err := json.Marshal(file)
	require.NoError(t, err)
	return b
}

// TestBacktestSaysWhyItRejected: each rejected message is counted by the
// field and reason its decoder gave.
func TestBacktestSaysWhyItRejected(t *testing.T) {
	in := "not json\n" +
		`{"id":"e1","time":"2026-11-20T08:15:30Z","action":"token.use","actor":{"id":"alice"}}` + "\n" +
		`{"id":"e2","time":"2026-11-20T08:15:31Z","action":"token.use","actor":{"id":"bob"}}` + "\n" +
		`{"id":"e3","time":"2026-11-20T08:15:32Z","action":"token.use","tenant":"acme","actor":{"id":"carol"}}` + "\n"
	st := backtestBytes(t, []byte(in))
	require.Equal(t, 1, st.Events)
	require.Equal(t, 3, st.Rejected)
	require.Equal(t, map[string]int{"message:not_json": 1, "tenant:missing_field": 2}, st.RejectedBy)
}

// TestBacktestMixesVendorsInAnyOrder: real pretty-printed records of four
// vendors, put one after another in either order or gathered in an array,
// give what each gives alone.
func TestBacktestMixesVendorsInAnyOrder(t *testing.T) {
	files := []string{"cloudtrail/aws_docs_getsecretvalue", "github/github_docs_git_clone_fine_grained",
		"ocsf/aws_cloudtrail_1_5_api_activity", "github/panther_analysis_secret_scanning_alert_create",
		"k8s/k8s_ocsf_examples_eks_node_create", "cloudtrail/aws_docs_createaccesskey"}
	var alone detect.OfflineStats
	var docs [][]byte
	for _, name := range files {
		b, err := os.ReadFile("../testdata/decode/" + name + ".json")
		require.NoError(t, err)
		st := backtestBytes(t, b)
		alone.Events, alone.Rejected = alone.Events+st.Events, alone.Rejected+st.Rejected
		docs = append(docs, b)
	}
	require.Positive(t, alone.Events)
	array := append(append([]byte("["), bytes.Join(docs, []byte(","))...), ']')
	forward, backward := bytes.Join(docs, []byte("\n")), slices.Clone(docs)
	slices.Reverse(backward)
	for name, in := range map[string][]byte{"in order": forward, "reversed, no breaks": bytes.Join(backward, nil), "an array": array} {
		for _, in := range [][]byte{in, gzipped(t, in)} {
			st := backtestBytes(t, in)
			require.Equal(t, alone.Events, st.Events, name)
			require.Equal(t, alone.Rejected, st.Rejected, name)
		}
	}
}
