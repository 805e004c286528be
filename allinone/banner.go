package allinone

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"strings"

	"github.com/credwatch/credwatch/redact"
)

// printBanner says once what runs where.
func printBanner(o Options, p *parts, metricsAddr string) {
	fmt.Printf("credwatch %s — all-in-one (Ctrl-C stops everything)\n", o.Version)
	for _, kv := range p.describe(o) {
		fmt.Printf("  %-11s %s\n", kv[0], kv[1])
	}
	fmt.Printf("  %-11s topic %s, dead letters %s.dlq\n", "events", o.Topic, o.Topic)
	fmt.Printf("  %-11s live, group credwatch-detect; alerts as JSON lines in %s\n", "detect",
		filepath.Join(o.DataDir, alertsFile))
	fmt.Printf("  %-11s http://%s/metrics  /healthz  /readyz\n", "metrics", metricsAddr)
	if o.NoGen {
		fmt.Printf("  %-11s off (--no-gen): produce your own events to %s\n", "generator", o.Topic)
	} else {
		fmt.Printf("  %-11s %.0f events/s of simulated platform traffic (seed %d)\n", "generator", o.Rate, o.Seed)
	}
}

// redactor uses the given key, or one kept in the data directory so that
// redacted references stay stable across runs.
func redactor(o Options, log *slog.Logger) (*redact.Redactor, error) {
	if o.RedactionKey != "" {
		return redact.New([]byte(o.RedactionKey))
	}
	path := filepath.Join(o.DataDir, "redaction.key")
	b, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		key := make([]byte, 32)
		if _, err := rand.Read(key); err != nil {
			return nil, err
		}
		b = []byte(hex.EncodeToString(key))
		if err := os.MkdirAll(o.DataDir, 0o750); err != nil {
			return nil, err
		}
		if err := os.WriteFile(path, b, 0o600); err != nil {
			return nil, err
		}
		log.Info("created redaction key", "path", path)
	} else if err != nil {
		return nil, err
	}
	return redact.New([]byte(strings.TrimSpace(string(b))))
}
