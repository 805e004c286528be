package respond

import (
	"context"
	"net/http"
	"sync"

	"github.com/credwatch/credwatch/detect"
	"github.com/credwatch/credwatch/event"
	"github.com/credwatch/credwatch/respond/receiver"
)

// Fakes that record what respond and the receiver did.

// published records respond's own alerts.
type published struct {
	mu  sync.Mutex
	all []*detect.Alert
}

func (p *published) publish(_ context.Context, a *detect.Alert) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.all = append(p.all, a)
	return nil
}

func (p *published) rules() []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	var out []string
	for _, a := range p.all {
		out = append(out, a.Rule)
	}
	return out
}

// emitted records respond's response.* events.
type emitted struct {
	mu  sync.Mutex
	all []event.Event
}

func (e *emitted) Emit(_ context.Context, ev event.Event) error {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.all = append(e.all, ev)
	return nil
}

type statusWriter struct {
	http.ResponseWriter
	code int
}

func (w *statusWriter) WriteHeader(code int) {
	w.code = code
	w.ResponseWriter.WriteHeader(code)
}

// orderedJournal remembers the order of what it appended.
type orderedJournal struct {
	receiver.Journal
	mu   sync.Mutex
	recs []receiver.Record
}

func (j *orderedJournal) Append(r receiver.Record) error {
	j.mu.Lock()
	defer j.mu.Unlock()
	if err := j.Journal.Append(r); err != nil {
		return err
	}
	j.recs = append(j.recs, r)
	return nil
}

func (j *orderedJournal) all() []receiver.Record {
	j.mu.Lock()
	defer j.mu.Unlock()
	return append([]receiver.Record(nil), j.recs...)
}
