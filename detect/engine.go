package detect

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"

	"github.com/credwatch/credwatch/event"
)

// Config tunes an engine.
type Config struct {
	Baseline     BaselineConfig
	Window       time.Duration // matches of one (rule, credential, tenant) within it are one alert
	Suppressions []Suppression
	// LiveSuppressions, when set, replaces Suppressions: a list swapped
	// while the engine runs (live detection polls the console's).
	LiveSuppressions *SuppressionList
	Shadow           []string // rule ids run in shadow mode, besides those marked in # METADATA
	// NoDecisionCache evaluates every rule in Rego for every event: the
	// baseline the cache is measured against.
	NoDecisionCache bool
	// Streaming forgets alerts once their window has passed (a live engine
	// hands every update to a sink); otherwise Alerts keeps them all.
	Streaming bool
}

// Engine judges events: baseline facts, then every rule whose actions match,
// then suppression, shadow marking and dedup. Not safe for concurrent use:
// run one per partition.
type Engine struct {
	cfg    Config
	rules  *RuleSet
	base   *Baselines
	alerts *Deduper
	caches [][]*decisionCache // by rule index, one per guard of the rule
	values []*decisionCache   // by rule value (see ruleValue)
	// RuleErrors counts Rego runtime errors by rule: surfaced, never a silent
	// "no alert".
	RuleErrors map[string]int
}

// NewEngine builds an engine over rs.
func NewEngine(rs *RuleSet, cfg Config) *Engine {
	if cfg.Window <= 0 {
		cfg.Window = time.Hour
	}
	alerts := NewDeduper(cfg.Window)
	alerts.forget = cfg.Streaming
	e := &Engine{cfg: cfg, rules: rs, base: NewBaselines(cfg.Baseline), alerts: alerts,
		RuleErrors: map[string]int{}, caches: make([][]*decisionCache, len(rs.Rules))}
	if cfg.NoDecisionCache {
		return e
	}
	for i, r := range rs.Rules {
		for range r.guards {
			e.caches[i] = append(e.caches[i], newDecisionCache(decisionCacheSize))
		}
	}
	for range rs.values {
		e.values = append(e.values, newDecisionCache(decisionCacheSize))
	}
	return e
}

// decisionCacheSize bounds each rule's cache of quiet inputs.
const decisionCacheSize = 1 << 16

// Learn folds ev into the baselines without judging it: the warm start
// from history. An event learned or judged lately (by id) is skipped.
func (e *Engine) Learn(ev *event.Event) {
	if e.base.replayed(ev) {
		return
	}
	keyNetwork(ev)
	e.base.Observe(ev)
}

// Process judges ev and learns from it. It returns what changed in the
// alerts, and the first rule error (after judging with every other rule).
// An event judged lately (by id: a redelivery) changes nothing.
func (e *Engine) Process(ctx context.Context, ev *event.Event) ([]Update, error) {
	if e.base.replayed(ev) {
		return nil, nil
	}
	keyNetwork(ev)
	facts := e.base.Facts(ev)
	var input ast.Value // built on the first rule that needs Rego
	var out []Update
	var firstErr error
	for i, r := range e.rules.Rules {
		if len(r.Actions) > 0 && !slices.Contains(r.Actions, ev.Action) {
			continue
		}
		m, err := e.judge(ctx, i, ev, &facts, &input)
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
		out = append(out, e.alerts.Add(e.newAlert(r, ev, facts, m)))
	}
	e.base.Observe(ev)
	return out, firstErr
}

// judge evaluates rule i on the event. Each of the rule's guards (cheapest
// first) is judged natively, or looked up in its cache, or evaluated and
// remembered; a guard that fails means alert is undefined. The AST input is
// built only when Rego must run over all of it.
func (e *Engine) judge(ctx context.Context, i int, ev *event.Event, f *Facts, input *ast.Value) (*match, error) {
	r := e.rules.Rules[i]
	for j, c := range e.caches[i] {
		holds, err := e.guardHolds(ctx, r.guards[j], c, ev, f, input)
		if err != nil || !holds {
			return nil, err
		}
	}
	if *input == nil {
		*input = toInput(ev, f)
	}
	return evalRule(ctx, r, *input)
}

func (e *Engine) guardHolds(ctx context.Context, g *guard, c *decisionCache, ev *event.Event, f *Facts, input *ast.Value) (bool, error) {
	if g.native != nil {
		if holds, ok, err := g.native.holds(ctx, e, ev, f); ok || err != nil {
			return holds, err
		}
	}
	vals, h := c.key(g.getters, ev, f)
	if out, found := c.lookup(vals, h); found {
		return out == boolKey(true), nil
	}
	holds, err := g.holdsFor(ctx, vals, ev, f, input)
	if err == nil {
		c.remember(vals, h, boolKey(holds))
	}
	return holds, err
}

// CacheStats are the decision caches' hits and misses by rule.
func (e *Engine) CacheStats() map[string][2]int {
	out := map[string][2]int{}
	for i, cs := range e.caches {
		if len(cs) > 0 {
			// Hits of any guard; misses of the last (the events Rego judged in full).
			hits := 0
			for _, c := range cs {
				hits += c.Hits
			}
			out[e.rules.Rules[i].ID] = [2]int{hits, cs[len(cs)-1].Miss}
		}
	}
	return out
}

// Alerts returns every alert so far.
func (e *Engine) Alerts() []*Alert { return e.alerts.All() }

// Late is how many events arrived behind the watermark (judged all the same).
func (e *Engine) Late() int { return e.base.Late() }

// match is what a rule's alert object holds: a reason and facts, and
// optionally a severity that overrides the rule's (the same facts can be
// weak or strong), a subject that groups the alert instead of the event's
// credential (a build, an actor), and the tenant it belongs to when that is
// not the event's (a sweep across tenants belongs to the credential's).
type match struct {
	Reason   string         `json:"reason"`
	Facts    map[string]any `json:"facts"`
	Severity string         `json:"severity"`
	Subject  string         `json:"subject"`
	Tenant   string         `json:"tenant"` // the tenant the alert belongs to, when not the event's
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
	if m.Severity != "" && !slices.Contains(Severities, m.Severity) {
		return nil, fmt.Errorf("alert.severity %q is not one of %v", m.Severity, Severities)
	}
	return &m, nil
}

func (e *Engine) newAlert(r *Rule, ev *event.Event, f Facts, m *match) *Alert {
	a := &Alert{Rule: r.ID, Title: r.Title, Severity: cmp.Or(m.Severity, r.Severity), Tier: r.Tier,
		Shadow: r.Shadow || slices.Contains(e.cfg.Shadow, r.ID),
		Tenant: cmp.Or(m.Tenant, ev.Tenant), Credential: cmp.Or(m.Subject, ev.Credential()), Actor: ev.Actor.ID,
		FirstSeen: ev.Time, LastSeen: ev.Time, Count: 1, EventIDs: []string{ev.ID},
		Explanation: Explanation{Reason: namedNetwork(m.Reason, &ev.Source), RuleFacts: m.Facts, Baseline: f, Description: r.Description}}
	a.Held = heldOf(ev, a.Credential)
	if s := suppressionFor(e.suppressions(), r.ID, ev); s != nil {
		a.Suppressed, a.Suppression = true, s
	}
	return a
}
