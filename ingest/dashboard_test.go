package ingest_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/ingest"
)

// TestDashboardQueriesRegisteredMetrics: every credwatch_ingest_ metric a
// dashboard queries is one the ingester registers.
func TestDashboardQueriesRegisteredMetrics(t *testing.T) {
	known := map[string]bool{}
	descs := make(chan *prometheus.Desc, 64)
	go func() { ingest.NewMetrics(describer{descs}); close(descs) }()
	for d := range descs {
		known[regexp.MustCompile(`fqName: "([^"]+)"`).FindStringSubmatch(d.String())[1]] = true
	}
	files, _ := filepath.Glob("../dashboards/*.json")
	require.NotEmpty(t, files)
	name := regexp.MustCompile(`credwatch_ingest_[a-z_]+`)
	for _, f := range files {
		b, err := os.ReadFile(f)
		require.NoError(t, err)
		require.True(t, json.Valid(b), f)
		for _, m := range name.FindAllString(string(b), -1) {
			base := strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(m, "_bucket"), "_sum"), "_count")
			require.True(t, known[base], "%s queries unknown metric %s", f, m)
		}
	}
}

// describer is a Registerer that only collects descriptions.
type describer struct{ out chan<- *prometheus.Desc }

func (d describer) Register(c prometheus.Collector) error {
	c.Describe(d.out)
	return nil
}

func (d describer) MustRegister(cs ...prometheus.Collector) {
	for _, c := range cs {
		_ = d.Register(c)
	}
}

func (describer) Unregister(prometheus.Collector) bool { return true }
