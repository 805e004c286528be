package jsonfile

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
)

// emitter hands messages to fn, splitting arrays and large Records files.
type emitter struct {
	split int
	fn    func([]byte)
}

// lines gives each further line of br that holds more than white space.
func (e *emitter) lines(br *bufio.Reader) error {
	for {
		line, err := readLine(br)
		if t := bytes.TrimSpace(line); len(t) > 0 {
			e.emit(t)
		}
		if err != nil {
			return ignoreEOF(err)
		}
	}
}

// stream gives each JSON value of r.
func (e *emitter) stream(r io.Reader) error {
	dec := json.NewDecoder(r)
	for {
		var v json.RawMessage
		err := dec.Decode(&v)
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fmt.Errorf("not JSON at byte %d: %w", dec.InputOffset(), err)
		}
		e.emit(v)
	}
}

// emit gives msg, an array's items, or a large Records file's records.
func (e *emitter) emit(msg []byte) {
	var items []json.RawMessage
	switch {
	case msg[0] == '[' && json.Unmarshal(msg, &items) == nil:
	case msg[0] == '{' && len(msg) > e.split:
		var file struct{ Records []json.RawMessage }
		if json.Unmarshal(msg, &file) != nil || len(file.Records) == 0 {
			e.fn(msg)
			return
		}
		items = file.Records
	default:
		e.fn(msg)
		return
	}
	for _, it := range items {
		e.fn(it)
	}
}
