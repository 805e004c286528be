package store

import (
	"context"
	"fmt"
	"time"
)

// InsertEvents inserts records as one block (one INSERT), stamped with
// ingestedAt. A retry after an error may re-insert rows; the
// ReplacingMergeTree key collapses them and events_unique reads them once.
func (s *Store) InsertEvents(ctx context.Context, records []Record, ingestedAt time.Time) error {
	if len(records) == 0 {
		return nil
	}
	s.insertMu.Lock()
	defer s.insertMu.Unlock()
	if s.http != nil {
		if err := s.learnNativeTypes(ctx); err != nil {
			return err
		}
		return s.http.insert(ctx, records, ingestedAt, s.native)
	}
	return s.insertNative(ctx, records, ingestedAt)
}

// insertNative inserts through clickhouse-go's column builders.
func (s *Store) insertNative(ctx context.Context, records []Record, ingestedAt time.Time) error {
	var cols eventColumns
	at := ingestedAt.UTC().Truncate(time.Second)
	for _, i := range tableOrder(records) {
		cols.add(&records[i], at)
	}
	batch, err := s.conn.PrepareBatch(ctx, insertStatement)
	if err != nil {
		return fmt.Errorf("prepare insert: %w", err)
	}
	for i, v := range cols.values() {
		if err := batch.Column(i).Append(v); err != nil {
			_ = batch.Abort()
			return fmt.Errorf("append column %s: %w", insertColumns[i], err)
		}
	}
	if err := batch.Send(); err != nil {
		return fmt.Errorf("insert %d events: %w", len(records), err)
	}
	return nil
}

// learnNativeTypes reads, once, whether events inserts can go in Native.
func (s *Store) learnNativeTypes(ctx context.Context) error {
	if s.nativeKnown {
		return nil
	}
	types, unwritable, err := s.nativeTypes(ctx)
	if err != nil {
		return err
	}
	if types == nil {
		s.log.Info("events inserts go in RowBinary: the Native encoder does not write a column", "column", unwritable)
	}
	s.native, s.nativeKnown = types, true
	return nil
}
