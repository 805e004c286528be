package policy

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/open-policy-agent/opa/v1/tester"
)

// RunTests runs every test_ rule of the policy's _test.rego files with OPA's
// in-process tester. report reads like `opa test -v`: one line per test,
// then the totals; skipped (todo_) tests count as neither. err is set only when the tests could not run.
func (p *Policy) RunTests(ctx context.Context) (passed, failed int, report string, err error) {
	ch, err := tester.NewRunner().SetCompiler(p.compiler).SetModules(p.modules).RunTests(ctx, nil)
	if err != nil {
		return 0, 0, "", fmt.Errorf("response policy: run tests: %w", err)
	}
	var b strings.Builder
	for r := range ch {
		status := "PASS"
		switch {
		case r.Skip:
			status = "SKIP"
		case r.Pass():
			passed++
		default:
			status = "FAIL"
			failed++
		}
		fmt.Fprintf(&b, "%s %s.%s (%s)", status, r.Package, r.Name, r.Duration.Round(time.Microsecond))
		switch {
		case r.Error != nil:
			fmt.Fprintf(&b, ": %v", r.Error)
		case r.Fail:
			fmt.Fprint(&b, ": failed")
		}
		b.WriteByte('\n')
	}
	fmt.Fprintf(&b, "%d passed, %d failed\n", passed, failed)
	return passed, failed, b.String(), nil
}
