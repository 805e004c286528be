// Package health tracks whether each component is working. It serves /healthz
// (liveness: 200 while the process runs, with status "ok" or "degraded" and
// each component's detail) and /readyz (200 only once the service has started
// and every component is healthy, else 503).
package health

import (
	"encoding/json"
	"net/http"
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
	ready bool
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

// SetReady marks the service started (true) or stopping (false).
func (r *Registry) SetReady(ready bool) {
	r.mu.Lock()
	r.ready = ready
	r.mu.Unlock()
}

// Ready reports whether the service has started and is healthy.
func (r *Registry) Ready() bool {
	r.mu.Lock()
	ready := r.ready
	r.mu.Unlock()
	return ready && r.Healthy()
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

// ServeHTTP answers /healthz: always 200, {"status":"ok"|"degraded",...}.
func (r *Registry) ServeHTTP(w http.ResponseWriter, _ *http.Request) {
	r.write(w, http.StatusOK)
}

// ReadyHandler answers /readyz: 200 when Ready, else 503.
func (r *Registry) ReadyHandler() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		code := http.StatusOK
		if !r.Ready() {
			code = http.StatusServiceUnavailable
		}
		r.write(w, code)
	})
}

func (r *Registry) write(w http.ResponseWriter, code int) {
	status := "ok"
	if !r.Healthy() {
		status = "degraded"
	}
	r.mu.Lock()
	ready := r.ready
	r.mu.Unlock()
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(code)
	_ = json.NewEncoder(w).Encode(map[string]any{"status": status, "ready": ready, "components": r.Snapshot()})
}
