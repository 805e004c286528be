// Package jsonfile reads the messages of a file of events in the shapes
// people keep them in: JSON lines, JSON documents written over several lines
// (pretty-printed, one after another), a JSON array of messages, a
// CloudTrail log file, any of them gzipped.
package jsonfile

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
)

// maxLine bounds a line kept in memory; the rest of a longer line is
// dropped, and the message it held is refused by its decoder as too large.
const maxLine = 64 << 20

// Each calls fn with every message of r, in order. A file whose first line
// is one whole message (see oneLine) is JSON lines: each line is a message, and a line
// that is not JSON still goes to fn (its decoder refuses it) and the reading
// goes on. Any other file is read as a stream of JSON values, where a
// syntax error ends the reading with its byte offset. An array gives its
// items, and an object holding a "Records" array larger than split (a
// CloudTrail log file) gives its records.
func Each(r io.Reader, split int, fn func(msg []byte)) error {
	br, err := plain(r)
	if err != nil {
		return err
	}
	first, err := firstLine(br)
	if err != nil || len(first) == 0 {
		return err
	}
	e := emitter{split: split, fn: fn}
	if oneLine(first) {
		e.emit(first)
		return e.lines(br)
	}
	return e.stream(io.MultiReader(bytes.NewReader(first), bytes.NewReader([]byte("\n")), br))
}

// oneLine reports whether a file's first line is a whole message: valid
// JSON, or a line its decoder will refuse (an object on one line that is
// not JSON, or no JSON at all). The first line of a pretty-printed document
// ("{", "[", `{"Records": [`) is none of these.
func oneLine(first []byte) bool {
	if json.Valid(first) || first[0] != '{' && first[0] != '[' {
		return true
	}
	return len(first) > 1 && first[0] == '{' && first[len(first)-1] == '}'
}

// plain is r, inflated when it is a gzip stream, without a UTF-8 byte
// order mark.
func plain(r io.Reader) (*bufio.Reader, error) {
	br := bufio.NewReaderSize(r, 1<<20)
	if magic, _ := br.Peek(2); bytes.Equal(magic, []byte{0x1f, 0x8b}) {
		gz, err := gzip.NewReader(br)
		if err != nil {
			return nil, fmt.Errorf("gzip: %w", err)
		}
		br = bufio.NewReaderSize(gz, 1<<20)
	}
	if bom, _ := br.Peek(3); bytes.Equal(bom, []byte{0xef, 0xbb, 0xbf}) {
		_, _ = br.Discard(3)
	}
	return br, nil
}

// firstLine is the first line of br that holds more than white space,
// trimmed; empty at the end of the file.
func firstLine(br *bufio.Reader) ([]byte, error) {
	for {
		line, err := readLine(br)
		if t := bytes.TrimSpace(line); len(t) > 0 {
			return t, nil
		}
		if err != nil {
			return nil, ignoreEOF(err)
		}
	}
}

// readLine reads a line, at most maxLine bytes of it kept.
func readLine(br *bufio.Reader) ([]byte, error) {
	var line []byte
	for {
		chunk, err := br.ReadSlice('\n')
		if room := maxLine - len(line); room > 0 {
			line = append(line, chunk[:min(len(chunk), room)]...)
		}
		if err != bufio.ErrBufferFull {
			return line, err
		}
	}
}

func ignoreEOF(err error) error {
	if err == io.EOF {
		return nil
	}
	return err
}
