package jsonfile_test

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/internal/jsonfile"
)

// messages is what Each gives for in, compacted.
func messages(t *testing.T, in []byte, split int) ([]string, error) {
	t.Helper()
	var got []string
	err := jsonfile.Each(bytes.NewReader(in), split, func(msg []byte) {
		var b bytes.Buffer
		if bytes.HasPrefix(msg, []byte("{")) && !bytes.HasSuffix(msg, []byte("}")) || json.Compact(&b, msg) != nil {
			got = append(got, "BAD:"+string(msg))
			return
		}
		got = append(got, b.String())
	})
	return got, err
}

func gz(t *testing.T, s string) []byte {
	var b bytes.Buffer
	w := gzip.NewWriter(&b)
	_, err := w.Write([]byte(s))
	require.NoError(t, err)
	require.NoError(t, w.Close())
	return b.Bytes()
}

func TestEachShapes(t *testing.T) {
	a, b, c := `{"id":"a","n":1}`, `{"id":"b","n":[2,3]}`, `{"id":"c"}`
	pretty := "{\n  \"id\": \"a\",\n  \"n\": 1\n}\n"
	prettyB := "{\n\t\"id\": \"b\",\n\t\"n\": [\n\t\t2,\n\t\t3\n\t]\n}"
	want := []string{a, b, c}
	for name, in := range map[string]string{
		"json lines":                  a + "\n" + b + "\n" + c + "\n",
		"json lines, CRLF and blanks": "\r\n" + a + "\r\n\r\n" + b + "\r\n" + c,
		"pretty documents in a row":   pretty + prettyB + "\n" + c,
		"pretty documents, no breaks": strings.TrimSpace(pretty) + prettyB + c,
		"an array":                    "[" + a + ",\n" + b + ",\n" + c + "]",
		"a pretty array":              "[\n  " + pretty + ",\n" + prettyB + ",\n" + c + "\n]\n",
		"an array per line":           "[" + a + "," + b + "]\n" + c + "\n",
		"a byte order mark":           "\xef\xbb\xbf" + a + "\n" + b + "\n" + c,
	} {
		for _, zipped := range []bool{false, true} {
			in := []byte(in)
			if zipped {
				in = gz(t, string(in))
			}
			got, err := messages(t, in, 1<<20)
			require.NoError(t, err, name)
			require.Equal(t, want, got, "%s (gzipped %v)", name, zipped)
		}
	}
}

func TestEachSplitsLargeRecordsFiles(t *testing.T) {
	file := `{"Records":[{"eventID":"1"},{"eventID":"2"},{"eventID":"3"}]}`
	got, err := messages(t, []byte(file), 20)
	require.NoError(t, err)
	require.Equal(t, []string{`{"eventID":"1"}`, `{"eventID":"2"}`, `{"eventID":"3"}`}, got)
	got, err = messages(t, []byte(file+"\n"+file), 1<<20)
	require.NoError(t, err)
	require.Equal(t, []string{file, file}, got, "a Records file within the limit stays whole")
	got, err = messages(t, []byte("{\n\"Records\": [\n{\"eventID\":\"1\"}\n]\n}"), 5)
	require.NoError(t, err)
	require.Equal(t, []string{`{"eventID":"1"}`}, got)
}

func TestEachBadInput(t *testing.T) {
	got, err := messages(t, []byte(`{"id":"a"}`+"\n"+`{"id":}`+"\nnot json\n"+`{"id":"c"}`), 1<<20)
	require.NoError(t, err, "JSON lines go on past a bad line")
	require.Equal(t, []string{`{"id":"a"}`, `BAD:{"id":}`, "BAD:not json", `{"id":"c"}`}, got)

	got, err = messages(t, []byte("not json\n"+`{"id":"b"}`), 1<<20)
	require.NoError(t, err, "a first line that is no JSON at all is a line")
	require.Equal(t, []string{"BAD:not json", `{"id":"b"}`}, got)

	got, err = messages(t, []byte(`{"id": broken}`+"\n"+`{"id":"b"}`), 1<<20)
	require.NoError(t, err, "a broken first line is still a line")
	require.Equal(t, []string{`BAD:{"id": broken}`, `{"id":"b"}`}, got)

	_, err = messages(t, []byte("{\n  \"id\": \"a\"\n}\n{\n  \"id\": oops\n}"), 1<<20)
	require.ErrorContains(t, err, "not JSON at byte")

	for _, empty := range []string{"", "\n\n  \n", "\xef\xbb\xbf"} {
		got, err = messages(t, []byte(empty), 1<<20)
		require.NoError(t, err)
		require.Empty(t, got)
	}
	_, err = messages(t, []byte{0x1f, 0x8b, 0, 1, 2}, 1<<20)
	require.ErrorContains(t, err, "gzip")
}
