package detect

import (
	"context"
	"fmt"
	"io"
	"time"

	"github.com/open-policy-agent/opa/v1/tester"
)

// TestResult is one Rego test's outcome.
type TestResult struct {
	Package, Name string
	Pass          bool
	Detail        string
	Duration      time.Duration
}

// RunRuleTests runs every test_ rule of the set's _test.rego files with
// OPA's in-process tester.
func (rs *RuleSet) RunRuleTests(ctx context.Context) ([]TestResult, error) {
	ch, err := tester.NewRunner().SetCompiler(rs.compiler).SetModules(rs.modules).RunTests(ctx, nil)
	if err != nil {
		return nil, err
	}
	var out []TestResult
	for r := range ch {
		tr := TestResult{Package: r.Package, Name: r.Name, Pass: r.Pass(), Duration: r.Duration}
		switch {
		case r.Error != nil:
			tr.Detail = r.Error.Error()
		case r.Fail:
			tr.Detail = "failed"
		}
		out = append(out, tr)
	}
	return out, nil
}

// ReportRuleTests prints results like `opa test` and returns passed, failed.
func ReportRuleTests(w io.Writer, results []TestResult) (passed, failed int) {
	for _, r := range results {
		status := "PASS"
		if !r.Pass {
			status = "FAIL"
			failed++
		} else {
			passed++
		}
		fmt.Fprintf(w, "%s %s.%s (%s)", status, r.Package, r.Name, r.Duration.Round(time.Microsecond))
		if r.Detail != "" {
			fmt.Fprintf(w, ": %s", r.Detail)
		}
		fmt.Fprintln(w)
	}
	fmt.Fprintf(w, "%d passed, %d failed\n", passed, failed)
	return passed, failed
}
