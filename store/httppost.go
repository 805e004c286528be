package store

import (
	"bytes"
	"context"
	"encoding/binary"
	"fmt"
	"io"
	"math"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"

	"github.com/ClickHouse/clickhouse-go/v2"
)

// post sends one RowBinary INSERT (statement without FORMAT) with body as
// its data, on the inserter's client, server and credentials.
func (h *httpInserter) post(ctx context.Context, statement string, body []byte, rows int) error {
	u, err := url.Parse(h.url)
	if err != nil {
		return err
	}
	q := u.Query()
	q.Set("query", statement+" FORMAT RowBinary")
	u.RawQuery = q.Encode()
	resp, text, err := h.send(ctx, u.String(), body)
	if err != nil {
		return fmt.Errorf("insert %d rows over http: %w", rows, err)
	}
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("insert %d rows: clickhouse http %d: %w", rows, resp.StatusCode, httpException(resp, text))
	}
	return nil
}

// send POSTs body to target (a URL carrying the INSERT statement) with the
// inserter's client and credentials, and returns the response and the first
// 4 KiB of its body.
func (h *httpInserter) send(ctx context.Context, target string, body []byte) (*http.Response, []byte, error) {
	return h.sendReader(ctx, target, func() io.Reader { return bytes.NewReader(body) }, int64(len(body)))
}

// sendReader is send with a body of size bytes that open reads from its
// start, each time it is called (the transport may send a request again).
func (h *httpInserter) sendReader(ctx context.Context, target string, open func() io.Reader, size int64) (*http.Response, []byte, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, target, open())
	if err != nil {
		return nil, nil, err
	}
	req.ContentLength = size
	req.GetBody = func() (io.ReadCloser, error) { return io.NopCloser(open()), nil }
	if h.user != "" {
		req.SetBasicAuth(h.user, h.pass)
	}
	resp, err := h.client.Do(req)
	if ue, ok := err.(*url.Error); ok {
		err = ue.Err // the URL repeats the whole statement
	}
	if err != nil {
		return nil, nil, err
	}
	defer resp.Body.Close()
	text, _ := io.ReadAll(io.LimitReader(resp.Body, 4096))
	return resp, text, nil
}

// exceptionCode finds ClickHouse's "Code: N" in an error body.
var exceptionCode = regexp.MustCompile(`Code: (\d+)`)

// httpException turns an HTTP error reply into the exception the native
// protocol would have returned: the code from the X-ClickHouse-Exception-Code
// header (newer servers) or the body (every version), 0 when neither says.
func httpException(resp *http.Response, body []byte) *clickhouse.Exception {
	msg := strings.TrimSpace(string(body))
	code, _ := strconv.Atoi(resp.Header.Get("X-ClickHouse-Exception-Code"))
	if m := exceptionCode.FindStringSubmatch(msg); code == 0 && m != nil {
		code, _ = strconv.Atoi(m[1])
	}
	return &clickhouse.Exception{Code: int32(code), Message: msg}
}

func appendUint32(b []byte, v uint32) []byte { return binary.LittleEndian.AppendUint32(b, v) }

func appendUint64(b []byte, v uint64) []byte { return binary.LittleEndian.AppendUint64(b, v) }

func appendFloat64(b []byte, v float64) []byte {
	return binary.LittleEndian.AppendUint64(b, math.Float64bits(v))
}
