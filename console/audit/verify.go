package audit

import (
	"context"
	"fmt"
	"strings"

	"github.com/credwatch/credwatch/store"
)

// BrokenError names the first entry at which the chain breaks.
type BrokenError struct {
	Seq    uint64
	Reason string
}

// Error says where and why the chain breaks.
func (e *BrokenError) Error() string {
	return fmt.Sprintf("audit log broken at seq %d: %s", e.Seq, e.Reason)
}

// Verify walks the chain in seq order. It returns how many entries it
// checked and nil, or a *BrokenError naming the first entry whose Hash does
// not match its fields, whose PrevHash is not the previous entry's Hash,
// whose seq repeats the previous one, or the first seq missing. Other
// errors are failures to read the log.
func Verify(ctx context.Context, st *store.Store) (checked int, err error) {
	rows, err := st.Conn().Query(ctx, "SELECT "+strings.Join(columns, ", ")+" FROM "+table+" ORDER BY seq, hash")
	if err != nil {
		return 0, fmt.Errorf("audit: verify: read %s: %w", table, err)
	}
	defer rows.Close()
	prev := Entry{Hash: GenesisHash}
	for rows.Next() {
		var e Entry
		if err := rows.Scan(e.scanTargets()...); err != nil {
			return checked, fmt.Errorf("audit: verify: scan %s after seq %d: %w", table, prev.Seq, err)
		}
		if broken := check(prev, e); broken != nil {
			return checked, broken
		}
		checked++
		prev = e
	}
	if err := rows.Err(); err != nil {
		return checked, fmt.Errorf("audit: verify: read %s after seq %d: %w", table, prev.Seq, err)
	}
	return checked, nil
}

// check judges e, read right after prev (Seq 0 and GenesisHash before the
// first entry).
func check(prev, e Entry) *BrokenError {
	switch {
	case e.Seq == 0:
		return &BrokenError{Seq: 0, Reason: "seq 0 (seqs start at 1)"}
	case e.Seq == prev.Seq:
		return &BrokenError{Seq: e.Seq, Reason: "duplicate seq (the chain forked or an entry was inserted)"}
	case e.Seq != prev.Seq+1:
		return &BrokenError{Seq: prev.Seq + 1, Reason: fmt.Sprintf("entry missing (next stored seq is %d)", e.Seq)}
	case hashOf(e) != e.Hash:
		return &BrokenError{Seq: e.Seq, Reason: "hash does not match the entry's fields"}
	case e.PrevHash != prev.Hash:
		return &BrokenError{Seq: e.Seq, Reason: fmt.Sprintf("prev_hash does not match the hash of seq %d", prev.Seq)}
	}
	return nil
}
