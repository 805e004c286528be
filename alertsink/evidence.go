package alertsink

import (
	"sync"

	"github.com/credwatch/credwatch/detect"
)

// maxMarks bounds the alerts whose evidence progress a sink remembers.
// Past it the memory is dropped: later writes send each alert's whole
// evidence list once more, which the table key collapses.
const maxMarks = 100_000

// evidenceMarks remembers, per alert id, how many of its evidence ids
// (oldest first, append-only) are durable, so a write sends only new ones.
// Safe for concurrent use.
type evidenceMarks struct {
	mu   sync.Mutex
	done map[string]int
}

func newEvidenceMarks() *evidenceMarks { return &evidenceMarks{done: map[string]int{}} }

// pending returns, per alert in the batch (its newest snapshot), the evidence
// ids not yet durable, and the marks to record once they are.
func (m *evidenceMarks) pending(updates []detect.Update) (rows [][]any, marks map[string]int) {
	newest := map[string]*detect.Alert{}
	var order []string
	for _, u := range updates {
		a := u.Alert
		if prev, ok := newest[a.ID]; !ok {
			order = append(order, a.ID)
			newest[a.ID] = a
		} else if a.Revision > prev.Revision {
			newest[a.ID] = a
		}
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	marks = make(map[string]int, len(order))
	for _, id := range order {
		a := newest[id]
		from := min(m.done[id], len(a.EventIDs))
		rows = append(rows, evidenceRows(a, from)...)
		marks[id] = len(a.EventIDs)
	}
	return rows, marks
}

// record notes marks as durable.
func (m *evidenceMarks) record(marks map[string]int) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if len(m.done)+len(marks) > maxMarks {
		m.done = map[string]int{}
	}
	for id, n := range marks {
		m.done[id] = max(m.done[id], n)
	}
}
