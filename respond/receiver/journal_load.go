package receiver

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
)

// maxRecordLine bounds one journal line when reading it back.
const maxRecordLine = 1 << 20

// load reads every record of f into an index and leaves f positioned at
// its end for appending. A torn last line is truncated away.
func load(f *os.File, log *slog.Logger) (*index, error) {
	ix := newIndex()
	r := bufio.NewReader(f)
	var good int64 // offset just past the last good line
	for lineNo := 1; ; lineNo++ {
		line, err := r.ReadSlice('\n')
		if errors.Is(err, bufio.ErrBufferFull) {
			line, err = readLongLine(r, line)
		}
		if errors.Is(err, io.EOF) {
			return ix, dropTail(f, good, len(line), lineNo, log)
		}
		if err != nil {
			return nil, err
		}
		var rec Record
		if jerr := json.Unmarshal(line, &rec); jerr != nil || rec.WebhookID == "" {
			if _, peekErr := r.Peek(1); errors.Is(peekErr, io.EOF) {
				return ix, dropTail(f, good, len(line), lineNo, log)
			}
			return nil, fmt.Errorf("line %d is not a journal record", lineNo)
		}
		ix.add(rec)
		good += int64(len(line))
	}
}

// readLongLine finishes a line longer than the reader's buffer.
func readLongLine(r *bufio.Reader, start []byte) ([]byte, error) {
	line := bytes.Clone(start)
	for len(line) <= maxRecordLine {
		more, err := r.ReadSlice('\n')
		line = append(line, more...)
		if !errors.Is(err, bufio.ErrBufferFull) {
			return line, err
		}
	}
	return nil, fmt.Errorf("a line is longer than %d bytes", maxRecordLine)
}

// dropTail truncates f after its last good line (when a torn one follows)
// and seeks to the end.
func dropTail(f *os.File, good int64, torn, lineNo int, log *slog.Logger) error {
	if torn > 0 {
		log.Warn("journal: dropping an incomplete last record (never acknowledged)", "line", lineNo, "bytes", torn)
		if err := f.Truncate(good); err != nil {
			return err
		}
		if err := f.Sync(); err != nil {
			return err
		}
	}
	_, err := f.Seek(good, io.SeekStart)
	return err
}

// syncDir fsyncs a directory so that a file just created in it survives a crash.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	return d.Sync()
}
