package store

import "time"

// InsertInRowBinary makes events inserts over HTTP go in RowBinary whatever
// the server's column types, to compare the two encodings.
func (s *Store) InsertInRowBinary() { s.native, s.nativeKnown = nil, true }

// InsertsInNative reports whether events inserts go in Native format.
func (s *Store) InsertsInNative() bool { return s.native != nil }

// EventsInsertFor is what the HTTP inserter sends a server whose events
// columns are declared (name → type): the statement, with its format, and
// its data for records.
func EventsInsertFor(declared map[string]string, records []Record, ingestedAt time.Time) (string, []byte) {
	types, _ := nativeLayout(declared)
	format := " FORMAT RowBinary"
	if types != nil {
		format = " FORMAT Native"
	}
	return insertStatement + format, appendEvents(nil, &nativeBlock{}, records, uint32(ingestedAt.Unix()), types)
}
