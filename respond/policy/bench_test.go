package policy_test

import (
	"context"
	"testing"

	"github.com/credwatch/credwatch/respond/policy"
)

// BenchmarkDecide is the default policy over the realistic alerts of
// decisionCases, in turn; µs/decision is the figure to compare with the
// alert rate.
func BenchmarkDecide(b *testing.B) {
	p, err := policy.Default(context.Background())
	if err != nil {
		b.Fatal(err)
	}
	cases := decisionCases()
	ctx := context.Background()
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		if _, err := p.Decide(ctx, cases[i%len(cases)].in); err != nil {
			b.Fatal(err)
		}
		i++
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N), "µs/decision")
}

// BenchmarkDecideParallel is BenchmarkDecide from every CPU at once.
func BenchmarkDecideParallel(b *testing.B) {
	p, err := policy.Default(context.Background())
	if err != nil {
		b.Fatal(err)
	}
	cases := decisionCases()
	b.ReportAllocs()
	b.RunParallel(func(pb *testing.PB) {
		i := 0
		for pb.Next() {
			if _, err := p.Decide(context.Background(), cases[i%len(cases)].in); err != nil {
				b.Error(err)
				return
			}
			i++
		}
	})
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N), "µs/decision")
}
