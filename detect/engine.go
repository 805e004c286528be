package detect

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"

	"github.com/credwatch/credwatch/event"
)

// Engine judges events in event-time order: baseline facts, then every rule
// whose actions match, then dedup. Not safe for concurrent use.
type Engine struct {
	rules  *RuleSet
	base   *Baselines
	alerts *Deduper
	// RuleErrors counts Rego runtime errors by rule: surfaced, never a silent
	// "no alert".
	RuleErrors map[string]int
}

// NewEngine builds an engine over rs.
func NewEngine(rs *RuleSet, bc BaselineConfig, window time.Duration) *Engine {
	return &Engine{rules: rs, base: NewBaselines(bc), alerts: NewDeduper(window), RuleErrors: map[string]int{}}
}

// Process judges ev and learns from it. It returns alerts that are new or
// escalated, and the first rule error (after judging with every other rule).
func (e *Engine) Process(ctx context.Context, ev *event.Event) ([]*Alert, error) {
	facts := e.base.Facts(ev)
	input, err := toInput(ev, facts)
	if err != nil {
		return nil, err
	}
	var out []*Alert
	var firstErr error
	for _, r := range e.rules.Rules {
		if len(r.Actions) > 0 && !slices.Contains(r.Actions, ev.Action) {
			continue
		}
		m, err := evalRule(ctx, r, input)
		if err != nil {
			e.RuleErrors[r.ID]++
			if firstErr == nil {
				firstErr = fmt.Errorf("rule %s on event %s: %w", r.ID, ev.ID, err)
			}
			continue
		}
		if m == nil {
			continue
		}
		a := newAlert(r, ev, facts, m)
		if folded, publish := e.alerts.Add(a); publish {
			out = append(out, folded)
		}
	}
	e.base.Observe(ev)
	return out, firstErr
}

// Alerts returns every alert so far.
func (e *Engine) Alerts() []*Alert { return e.alerts.All() }

// match is what a rule's alert object holds.
type match struct {
	Reason string         `json:"reason"`
	Facts  map[string]any `json:"facts"`
}

func evalRule(ctx context.Context, r *Rule, input ast.Value) (*match, error) {
	rs, err := r.query.Eval(ctx, rego.EvalParsedInput(input))
	if err != nil || len(rs) == 0 || len(rs[0].Expressions) == 0 {
		return nil, err
	}
	b, err := json.Marshal(rs[0].Expressions[0].Value)
	if err != nil {
		return nil, err
	}
	var m match
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, fmt.Errorf("alert is not {reason, facts}: %w", err)
	}
	return &m, nil
}

func newAlert(r *Rule, ev *event.Event, f Facts, m *match) *Alert {
	return &Alert{Rule: r.ID, Title: r.Title, Severity: r.Severity, Tier: r.Tier, Shadow: r.Shadow,
		Tenant: ev.Tenant, Credential: ev.Credential(), FirstSeen: ev.Time, LastSeen: ev.Time, Count: 1,
		EventIDs:    []string{ev.ID},
		Explanation: Explanation{Reason: m.Reason, RuleFacts: m.Facts, Baseline: f, Description: r.Description}}
}
