package event

import (
	"encoding/binary"
	"fmt"
)

// wireFrameVersion starts a frame: several events' wire forms in one
// message, so a stage producing millions of events pays Kafka's
// per-message cost once per frame. Layout: the version byte, a uvarint
// count, then each event's wire form with a uvarint length.
const wireFrameVersion = 2

// WireFrame collects events into one frame.
type WireFrame struct {
	body, scratch []byte
	n             int
}

// Add appends ev's wire form.
func (f *WireFrame) Add(ev *Event) {
	f.scratch = AppendWire(f.scratch[:0], ev)
	f.body = binary.AppendUvarint(f.body, uint64(len(f.scratch)))
	f.body = append(f.body, f.scratch...)
	f.n++
}

// Len is how many events the frame holds; Size its bytes so far.
func (f *WireFrame) Len() int  { return f.n }
func (f *WireFrame) Size() int { return len(f.body) }

// Bytes is the frame as a message value.
func (f *WireFrame) Bytes() []byte {
	out := binary.AppendUvarint([]byte{wireFrameVersion}, uint64(f.n))
	return append(out, f.body...)
}

// DecodeWireMessage reads a message value: one event's wire form or a frame.
func DecodeWireMessage(b []byte) ([]Event, error) {
	if len(b) == 0 || b[0] != wireFrameVersion {
		evs := make([]Event, 1)
		return evs, DecodeWire(b, &evs[0])
	}
	r := wireReader{b: b[1:]}
	n := r.uvarint("frame.count")
	if r.err == nil && n > uint64(len(r.b)) {
		r.fail("frame.count", "more events than bytes")
	}
	if r.err != nil {
		return nil, r.err
	}
	evs := make([]Event, n)
	for i := range evs {
		size := r.uvarint("frame.length")
		if r.err == nil && size > uint64(len(r.b)) {
			r.fail("frame.length", "runs past the end")
		}
		if r.err != nil {
			return nil, r.err
		}
		if err := DecodeWire(r.b[:size], &evs[i]); err != nil {
			return nil, fmt.Errorf("frame event %d: %w", i, err)
		}
		r.b = r.b[size:]
	}
	if len(r.b) > 0 {
		return nil, fmt.Errorf("%w: frame: %d bytes past the last event", ErrWire, len(r.b))
	}
	return evs, nil
}
