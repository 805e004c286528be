// Package profiling turns on continuous profiling: CPU, allocation, heap and
// goroutine profiles pushed to a Pyroscope server by grafana/pyroscope-go.
package profiling

import (
	"fmt"
	"log/slog"
	"os"
	"time"

	"github.com/grafana/pyroscope-go"
)

// Config says where to send profiles and how to label them.
type Config struct {
	ServerURL  string        // e.g. http://pyroscope:4040; empty turns profiling off
	Component  string        // application name becomes credwatch.<component>
	Version    string        // tag
	Instance   string        // tag; default the host name
	UploadRate time.Duration // default 15 s
}

// Start begins profiling and returns the function that flushes and stops it.
// With no ServerURL it does nothing.
func Start(cfg Config, log *slog.Logger) (stop func(), err error) {
	if cfg.ServerURL == "" {
		return func() {}, nil
	}
	if cfg.Instance == "" {
		cfg.Instance, _ = os.Hostname()
	}
	p, err := pyroscope.Start(pyroscope.Config{
		ApplicationName: "credwatch." + cfg.Component,
		ServerAddress:   cfg.ServerURL,
		Tags:            map[string]string{"instance": cfg.Instance, "version": cfg.Version},
		UploadRate:      cfg.UploadRate,
		Logger:          slogAdapter{log},
		ProfileTypes: []pyroscope.ProfileType{
			pyroscope.ProfileCPU, pyroscope.ProfileAllocObjects, pyroscope.ProfileAllocSpace,
			pyroscope.ProfileInuseObjects, pyroscope.ProfileInuseSpace, pyroscope.ProfileGoroutines,
		},
	})
	if err != nil {
		return nil, fmt.Errorf("pyroscope: %w", err)
	}
	log.Info("continuous profiling on", "server", cfg.ServerURL, "application", "credwatch."+cfg.Component)
	return func() { _ = p.Stop() }, nil
}

// slogAdapter routes pyroscope's logging to slog (debug for chatter).
type slogAdapter struct{ log *slog.Logger }

func (a slogAdapter) Infof(f string, args ...any) {
	a.log.Debug(fmt.Sprintf(f, args...), "component", "pyroscope")
}
func (a slogAdapter) Debugf(f string, args ...any) {
	a.log.Debug(fmt.Sprintf(f, args...), "component", "pyroscope")
}
func (a slogAdapter) Errorf(f string, args ...any) {
	a.log.Warn(fmt.Sprintf(f, args...), "component", "pyroscope")
}
