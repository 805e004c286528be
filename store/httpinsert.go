package store

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// httpInserter posts RowBinary blocks to ClickHouse's HTTP interface from one
// reused buffer: a single encoding pass per row and no per-batch buffer
// growth, which the native client's column builders cost on wide rows.
type httpInserter struct {
	client *http.Client
	url    string // with database and the RowBinary INSERT
	native string // with database and the Native INSERT
	user   string
	pass   string
	buf    []byte
	block  nativeBlock
}

// idleConnTimeout is how long an idle connection to the server is kept:
// less than ClickHouse's keep_alive_timeout (3 s by default), so that no
// insert starts on a connection the server is closing ("broken pipe",
// then a retry).
const idleConnTimeout = 2 * time.Second

// keepAliveTransport is the default transport with idleConnTimeout.
func keepAliveTransport() *http.Transport {
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.IdleConnTimeout = idleConnTimeout
	return t
}

func newHTTPInserter(host string, port int, database, user, pass string) *httpInserter {
	q := url.Values{}
	q.Set("database", database)
	base := fmt.Sprintf("http://%s:%d/?", host, port)
	q.Set("query", insertStatement+" FORMAT RowBinary")
	rowBinary := base + q.Encode()
	q.Set("query", insertStatement+" FORMAT Native")
	return &httpInserter{
		client: &http.Client{Timeout: 2 * time.Minute, Transport: keepAliveTransport()},
		url:    rowBinary, native: base + q.Encode(),
		user: user, pass: pass,
	}
}

// insert writes records as one INSERT, in table order: in Native with the
// server's column types when it has them, else in RowBinary. Not safe for
// concurrent use.
func (h *httpInserter) insert(ctx context.Context, records []Record, ingestedAt time.Time, types []string) error {
	at := uint32(ingestedAt.Unix())
	if types != nil {
		h.block.reset()
		h.block.add(records, tableOrder(records), at)
		pieces := h.block.pieces(types)
		return h.postEvents(ctx, true, func() io.Reader { return piecesReader(pieces) }, piecesSize(pieces), len(records))
	}
	if need := rowBinarySize(records); cap(h.buf) < need {
		h.buf = make([]byte, 0, need+need/4)
	}
	h.buf = appendEvents(h.buf[:0], nil, records, at, nil)
	body := h.buf
	return h.postEvents(ctx, false, func() io.Reader { return bytes.NewReader(body) }, len(body), len(records))
}

// postEvents POSTs an events INSERT of rows rows whose data, size bytes in
// Native (native) or RowBinary, open reads from its start.
func (h *httpInserter) postEvents(ctx context.Context, native bool, open func() io.Reader, size, rows int) error {
	target := h.url
	if native {
		target = h.native
	}
	resp, body, err := h.sendReader(ctx, target, open, int64(size))
	if err != nil {
		return fmt.Errorf("insert %d events over http: %w", rows, err)
	}
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("insert %d events: clickhouse http %d: %s", rows, resp.StatusCode, strings.TrimSpace(string(body)))
	}
	return nil
}

// appendEvents appends an events INSERT's data for records, in table
// order: a Native block with the server's column types (block is reused),
// or RowBinary rows when types is nil.
func appendEvents(out []byte, block *nativeBlock, records []Record, at uint32, types []string) []byte {
	if types != nil {
		block.reset()
		block.add(records, tableOrder(records), at)
		return block.appendTo(out, types)
	}
	for _, i := range tableOrder(records) {
		out = appendRecord(out, &records[i], at)
	}
	return out
}

// rowBinarySize estimates a batch's RowBinary size from above for typical
// rows: every row carries its raw message plus the same fields decoded.
func rowBinarySize(records []Record) int {
	n := 0
	for i := range records {
		n += 2*(len(records[i].Event.Raw)+len(records[i].Event.Unmapped)) + 512
	}
	return n
}
