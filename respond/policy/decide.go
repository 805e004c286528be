package policy

import (
	"context"
	"errors"
	"fmt"

	"github.com/open-policy-agent/opa/v1/rego"
	"github.com/open-policy-agent/opa/v1/topdown"
)

// Decide evaluates the policy for one alert and returns its single, valid
// decision, or an error naming what is wrong with the policy's answer.
func (p *Policy) Decide(ctx context.Context, in Input) (Decision, error) {
	d, err := p.decide(ctx, &in)
	if err != nil {
		return Decision{}, fmt.Errorf("response policy: alert %s (rule %s): %w", in.Alert.ID, in.Alert.Rule, err)
	}
	return d, nil
}

func (p *Policy) decide(ctx context.Context, in *Input) (Decision, error) {
	if err := ctx.Err(); err != nil {
		return Decision{}, fmt.Errorf("evaluate: %w", err)
	}
	v, err := in.value()
	if err != nil {
		return Decision{}, err
	}
	rs, err := p.query.Eval(ctx, rego.EvalParsedInput(v))
	if err != nil {
		if te, ok := errors.AsType[*topdown.Error](err); ok && te.Code == topdown.ConflictErr {
			return Decision{}, fmt.Errorf("conflicting decisions (two rules matched with different values; use default and else): %w", err)
		}
		return Decision{}, fmt.Errorf("evaluate: %w", err)
	}
	switch {
	case len(rs) == 0 || len(rs[0].Expressions) == 0:
		return Decision{}, errors.New("no decision (the policy needs a default decision)")
	case len(rs) > 1:
		return Decision{}, fmt.Errorf("%d results for %s; want exactly one", len(rs), Query)
	}
	return toDecision(rs[0].Expressions[0].Value)
}

// toDecision checks the policy's answer: one object with a valid action and
// a non-empty reason (other keys are ignored).
func toDecision(v any) (Decision, error) {
	obj, ok := v.(map[string]any)
	if !ok {
		if list, isList := v.([]any); isList {
			return Decision{}, fmt.Errorf("decision is a set of %d values; define exactly one object {action, reason}", len(list))
		}
		return Decision{}, fmt.Errorf("decision is %T, not an object {action, reason}", v)
	}
	action, ok := obj["action"].(string)
	if !ok || !ValidAction(action) {
		return Decision{}, fmt.Errorf("decision.action %#v is not one of %s, %s, %s, %s",
			obj["action"], ActionAuto, ActionApprove, ActionNotify, ActionNone)
	}
	reason, ok := obj["reason"].(string)
	switch {
	case !ok:
		return Decision{}, fmt.Errorf("decision.reason is not a string (got %v); want a short sentence", obj["reason"])
	case reason == "":
		return Decision{}, errors.New("decision.reason is empty; want a short sentence")
	}
	return Decision{Action: action, Reason: reason}, nil
}
