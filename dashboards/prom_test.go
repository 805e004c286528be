package dashboards_test

import (
	"strings"
	"testing"

	"github.com/grafana/grafana-foundation-sdk/go/prometheus"
	"github.com/prometheus/prometheus/promql/parser"
	"github.com/stretchr/testify/require"
)

// grafanaPromVars are the values Grafana gives its built-in interval
// variables before the expression reaches Prometheus.
var grafanaPromVars = strings.NewReplacer("$__rate_interval", "1m", "$__interval", "15s", "$__range", "1h")

// noSampleYet are labelled counters with no series until what they count
// happens (a retry, a Rego error, a write or delivery given up…): absent
// from a healthy run's scrape, they must be registered by credwatch's
// collectors instead.
var noSampleYet = map[string]bool{
	"credwatch_ingest_retries_total": true, "credwatch_detect_retries_total": true,
	"credwatch_ingest_redactions_total": true, "credwatch_ingest_field_warnings_total": true,
	"credwatch_detect_rule_errors_total": true, "credwatch_detect_cold_starts_total": true,
	"credwatch_alerts_write_errors_total": true, "credwatch_respond_webhook_given_up_total": true,
}

// checkPrometheus: every expression of the pipeline dashboard parses as
// PromQL once Grafana's interval variables are set, and selects only
// metrics the run's /metrics exported (or, for noSampleYet, that
// credwatch's collectors register), by labels those metrics carry. It
// returns how many expressions it checked.
func checkPrometheus(t *testing.T, scraped string) int {
	exported, registered := scrapedFamilies(t, scraped), catalogue(t)
	built, err := dashboardOf(t, "credwatch-pipeline.json").Built()
	require.NoError(t, err)
	n := 0
	for _, p := range built.Panels {
		if p.Panel == nil {
			continue
		}
		for _, target := range p.Panel.Targets {
			pq, ok := target.(prometheus.Dataquery)
			require.True(t, ok, "%s: not a Prometheus query", *p.Panel.Title)
			n++
			t.Run(*p.Panel.Title+"/"+*pq.RefId, func(t *testing.T) {
				checkExpr(t, grafanaPromVars.Replace(pq.Expr), exported, registered)
			})
		}
	}
	return n
}

// checkExpr parses expr and checks what it selects and groups by.
func checkExpr(t *testing.T, expr string, exported, registered map[string]labelSet) {
	require.NotContains(t, expr, "$", "a Grafana variable left")
	e, err := parser.NewParser(parser.Options{}).ParseExpr(expr)
	require.NoError(t, err, expr)
	parser.Inspect(e, func(node parser.Node, _ []parser.Node) error {
		switch n := node.(type) {
		case *parser.VectorSelector:
			labels := metricLabels(t, n.Name, exported, registered)
			for _, m := range n.LabelMatchers {
				require.True(t, m.Name == "__name__" || labels[m.Name], "%s has no label %s", n.Name, m.Name)
			}
		case *parser.AggregateExpr:
			for _, l := range n.Grouping {
				require.True(t, selectsLabel(t, n.Expr, l, exported, registered), "%s: no metric under it has %s", n, l)
			}
		}
		return nil
	})
}

// metricLabels are the labels of the series name selects, which must be
// exported (or registered, for noSampleYet).
func metricLabels(t *testing.T, name string, exported, registered map[string]labelSet) labelSet {
	base, suffix := histogramBase(name)
	if l, ok := exported[name]; ok {
		return l
	}
	if l, ok := exported[base]; ok && suffix != "" {
		return l
	}
	require.True(t, noSampleYet[name], "%s is not on the run's /metrics", name)
	l, ok := registered[name]
	require.True(t, ok, "%s is registered by no credwatch collector", name)
	return l
}
