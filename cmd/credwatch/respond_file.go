package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/credwatch/credwatch/respond"
)

// decideFromFile prints the decision for every alert in path (JSON lines of
// OCSF findings, as on the alerts topic), guardrails applied, as JSON lines.
// Times are the alerts' own, so a file always gives the same answers.
func decideFromFile(ctx context.Context, path string, gf guardrailFlags, out io.Writer) error {
	pol, err := respond.LoadPolicy(ctx, policyDir(gf.ResponsePolicy))
	if err != nil {
		return err
	}
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	var now time.Time
	d := &respond.Decider{Policy: pol, Guard: respond.NewGuard(gf.guardrails()), Now: func() time.Time { return now }}
	enc := json.NewEncoder(out)
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	for line := 1; sc.Scan(); line++ {
		a, err := respond.ParseAlert(sc.Bytes())
		if err != nil {
			return fmt.Errorf("%s:%d: %w", path, line, err)
		}
		now = a.At
		ans, err := d.Decide(ctx, a, "new")
		if err != nil {
			return fmt.Errorf("%s:%d: %w", path, line, err)
		}
		d.Hold(&ans)
		if err := enc.Encode(ans); err != nil {
			return err
		}
	}
	return sc.Err()
}
