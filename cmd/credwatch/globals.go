package main

import (
	"context"
	"crypto/rand"
	"fmt"
	"log/slog"
	"os"

	"github.com/credwatch/credwatch/profiling"
	"github.com/credwatch/credwatch/redact"
)

// Globals are flags every command takes.
type Globals struct {
	LogFormat string `enum:"text,json" default:"text" env:"CREDWATCH_LOG_FORMAT" help:"Log format (text or json)."`
	LogLevel  string `enum:"debug,info,warn,error" default:"info" env:"CREDWATCH_LOG_LEVEL" help:"Log level."`
	Pyroscope string `name:"pyroscope-url" env:"CREDWATCH_PYROSCOPE_URL" help:"Pyroscope server URL: turns on continuous profiling."`
}

// startProfiling starts continuous profiling when --pyroscope-url is set.
func (g *Globals) startProfiling(component string, log *slog.Logger) (stop func(), err error) {
	return profiling.Start(profiling.Config{ServerURL: g.Pyroscope, Component: component, Version: version}, log)
}

// Logger builds the process logger.
func (g *Globals) Logger() *slog.Logger {
	var lvl slog.Level
	_ = lvl.UnmarshalText([]byte(g.LogLevel))
	opts := &slog.HandlerOptions{Level: lvl}
	if g.LogFormat == "json" {
		return slog.New(slog.NewJSONHandler(os.Stderr, opts))
	}
	return slog.New(slog.NewTextHandler(os.Stderr, opts))
}

// redactorFor builds the redactor from the configured key, or from a random
// key (with a warning) when none is set.
func redactorFor(key string, log *slog.Logger) (*redact.Redactor, error) {
	if key == "" {
		b := make([]byte, 32)
		if _, err := rand.Read(b); err != nil {
			return nil, err
		}
		log.Warn("no --redaction-key set: using a random key; redacted references will not match across restarts")
		return redact.New(b)
	}
	r, err := redact.New([]byte(key))
	if err != nil {
		return nil, fmt.Errorf("--redaction-key: %w", err)
	}
	return r, nil
}

type versionCmd struct{}

func (versionCmd) Run(*Globals, context.Context) error {
	fmt.Println("credwatch", version)
	return nil
}
