package observe

import "github.com/prometheus/client_golang/prometheus"

// Totals gathers once and sums every series of each named counter or gauge
// (0 when absent), in the order of names.
func Totals(g prometheus.Gatherer, names ...string) []float64 {
	sums := make([]float64, len(names))
	families, err := g.Gather()
	if err != nil {
		return sums
	}
	for _, f := range families {
		for i, name := range names {
			if f.GetName() != name {
				continue
			}
			for _, m := range f.GetMetric() {
				sums[i] += m.GetCounter().GetValue() + m.GetGauge().GetValue()
			}
		}
	}
	return sums
}
