package store

// InsertInRowBinary makes events inserts over HTTP go in RowBinary whatever
// the server's column types, to compare the two encodings.
func (s *Store) InsertInRowBinary() { s.native, s.nativeKnown = nil, true }

// InsertsInNative reports whether events inserts go in Native format.
func (s *Store) InsertsInNative() bool { return s.native != nil }
