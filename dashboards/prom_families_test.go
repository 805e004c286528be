package dashboards_test

import (
	"regexp"
	"strings"
	"testing"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/common/expfmt"
	"github.com/prometheus/common/model"
	"github.com/prometheus/prometheus/promql/parser"
	"github.com/segmentio/kafka-go"
	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/alertsink"
	"github.com/credwatch/credwatch/detect/live"
	"github.com/credwatch/credwatch/ingest"
	"github.com/credwatch/credwatch/respond"
	"github.com/credwatch/credwatch/respond/delivery"
	"github.com/credwatch/credwatch/store"
)

// labelSet is the label names a metric's series carry (le for a
// histogram's buckets; job and instance, which Prometheus adds).
type labelSet map[string]bool

func newLabelSet(names ...string) labelSet {
	l := labelSet{"job": true, "instance": true}
	for _, n := range names {
		l[n] = true
	}
	return l
}

// scrapedFamilies are the families of a /metrics scrape with their labels.
func scrapedFamilies(t *testing.T, text string) map[string]labelSet {
	p := expfmt.NewTextParser(model.UTF8Validation)
	fams, err := p.TextToMetricFamilies(strings.NewReader(text))
	require.NoError(t, err)
	out := map[string]labelSet{}
	for name, f := range fams {
		l := newLabelSet()
		if f.GetType().String() == "HISTOGRAM" {
			l["le"] = true
		}
		for _, m := range f.GetMetric() {
			for _, lp := range m.GetLabel() {
				l[lp.GetName()] = true
			}
		}
		out[name] = l
	}
	return out
}

// catalogue are the metrics credwatch's collectors register, described
// without running them: ingest, live detection, the alert sink, respond and
// its webhook dispatcher.
func catalogue(t *testing.T) map[string]labelSet {
	d := describer{out: map[string]labelSet{}}
	ingest.NewMetrics(d)
	live.NewMetrics(d)
	respond.NewMetrics(d)
	delivery.NewDispatcher(delivery.Config{Metrics: d})
	_, err := alertsink.New(alertsink.Config{Store: (*store.Store)(nil), Writer: (*kafka.Writer)(nil), Metrics: d})
	require.NoError(t, err)
	return d.out
}

// describer is a Registerer that keeps what collectors describe.
type describer struct{ out map[string]labelSet }

// descParts reads a Desc's name and variable labels from its String.
var descParts = regexp.MustCompile(`fqName: "([^"]+)".*variableLabels: \{([^}]*)\}\}$`)

func (d describer) Register(c prometheus.Collector) error {
	ch := make(chan *prometheus.Desc)
	go func() { c.Describe(ch); close(ch) }()
	for desc := range ch {
		m := descParts.FindStringSubmatch(desc.String())
		var labels []string
		if m[2] != "" {
			labels = strings.Split(m[2], ",")
		}
		d.out[m[1]] = newLabelSet(append(labels, "le")...)
	}
	return nil
}

func (d describer) MustRegister(cs ...prometheus.Collector) {
	for _, c := range cs {
		_ = d.Register(c)
	}
}

func (describer) Unregister(prometheus.Collector) bool { return true }

// histogramBase splits a histogram series name into its family and suffix.
func histogramBase(name string) (string, string) {
	for _, s := range []string{"_bucket", "_sum", "_count"} {
		if base, ok := strings.CutSuffix(name, s); ok {
			return base, s
		}
	}
	return name, ""
}

// selectsLabel reports whether a series selected under e carries label.
func selectsLabel(t *testing.T, e parser.Expr, label string, exported, registered map[string]labelSet) bool {
	found := false
	parser.Inspect(e, func(node parser.Node, _ []parser.Node) error {
		if vs, ok := node.(*parser.VectorSelector); ok && metricLabels(t, vs.Name, exported, registered)[label] {
			found = true
		}
		return nil
	})
	return found
}
