// Package health tracks whether each component is working and serves it as
// /healthz (liveness with detail: 503 while any component is degraded).
package health

import (
	"encoding/json"
	"net/http"
	"sort"
	"sync"
	"time"
)

// Status is one component's state.
type Status struct {
	OK    bool      `json:"ok"`
	Error string    `json:"error,omitempty"`
	Since time.Time `json:"since"`
}

// Registry holds component states. The zero value is not usable; use New.
type Registry struct {
	mu    sync.Mutex
	now   func() time.Time
	state map[string]Status
}

// New returns an empty registry using now for timestamps.
func New(now func() time.Time) *Registry {
	return &Registry{now: now, state: map[string]Status{}}
}

// OK marks component healthy.
func (r *Registry) OK(component string) { r.set(component, nil) }

// Degraded marks component unhealthy with err.
func (r *Registry) Degraded(component string, err error) { r.set(component, err) }

func (r *Registry) set(component string, err error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	prev, had := r.state[component]
	ok := err == nil
	if had && prev.OK == ok && (ok || prev.Error == err.Error()) {
		return
	}
	s := Status{OK: ok, Since: r.now()}
	if !ok {
		s.Error = err.Error()
	}
	r.state[component] = s
}

// Healthy reports whether every component is OK.
func (r *Registry) Healthy() bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, s := range r.state {
		if !s.OK {
			return false
		}
	}
	return true
}

// Snapshot returns a copy of every component's status.
func (r *Registry) Snapshot() map[string]Status {
	r.mu.Lock()
	defer r.mu.Unlock()
	out := make(map[string]Status, len(r.state))
	for k, v := range r.state {
		out[k] = v
	}
	return out
}

// ServeHTTP answers 200 {"status":"ok",...} or 503 {"status":"degraded",...}.
func (r *Registry) ServeHTTP(w http.ResponseWriter, _ *http.Request) {
	snap := r.Snapshot()
	names := make([]string, 0, len(snap))
	for k := range snap {
		names = append(names, k)
	}
	sort.Strings(names)
	status, code := "ok", http.StatusOK
	if !r.Healthy() {
		status, code = "degraded", http.StatusServiceUnavailable
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(code)
	_ = json.NewEncoder(w).Encode(map[string]any{"status": status, "components": snap})
}
