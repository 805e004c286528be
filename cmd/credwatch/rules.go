package main

import (
	"context"
	"fmt"
	"io/fs"
	"os"

	"github.com/credwatch/credwatch/detect"
	"github.com/credwatch/credwatch/rules"
)

type rulesCmd struct {
	Test rulesTestCmd `cmd:"" help:"Run the rules' Rego tests (in-process OPA tester)."`
	List rulesListCmd `cmd:"" help:"List the rules and their metadata."`
}

// rulesSource picks the embedded rules or a directory that overrides them.
type rulesSource struct {
	Rules string `type:"existingdir" env:"CREDWATCH_RULES" help:"Directory of .rego rules to use instead of the embedded ones."`
}

func (s rulesSource) fs() fs.FS {
	if s.Rules != "" {
		return os.DirFS(s.Rules)
	}
	return rules.FS
}

type rulesTestCmd struct{ rulesSource }

func (c *rulesTestCmd) Run(_ *Globals, ctx context.Context) error {
	rs, err := detect.LoadRules(ctx, c.fs())
	if err != nil {
		return err
	}
	results, err := rs.RunRuleTests(ctx)
	if err != nil {
		return err
	}
	if _, failed := detect.ReportRuleTests(os.Stdout, results); failed > 0 {
		return fmt.Errorf("%d rule test(s) failed", failed)
	}
	return nil
}

type rulesListCmd struct{ rulesSource }

func (c *rulesListCmd) Run(_ *Globals, ctx context.Context) error {
	rs, err := detect.LoadRules(ctx, c.fs())
	if err != nil {
		return err
	}
	for _, r := range rs.Rules {
		flags := ""
		if r.Shadow {
			flags += " shadow"
		}
		if !r.Cached() {
			flags += " uncached"
		}
		fmt.Printf("%-28s %-8s %-7s %s%s\n", r.ID, r.Severity, r.Tier, r.Title, flags)
	}
	return nil
}
