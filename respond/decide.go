package respond

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/credwatch/credwatch/respond/policy"
	"github.com/credwatch/credwatch/respond/webhook"
)

// ByRespond is who the service's own transitions are recorded as.
const ByRespond = "credwatch-respond"

// Decider answers one alert: the policy decides, the guardrails may hold it.
type Decider struct {
	Policy *policy.Policy
	Guard  *Guard
	Rules  map[string]policy.Rule // rule metadata by id; the alert's own fields otherwise
	Now    func() time.Time
}

// Answer is a decision and the intent it makes (nil for none).
type Answer struct {
	AlertID  string          `json:"alert_id"`
	Rule     string          `json:"rule"`
	Tenant   string          `json:"tenant"`
	Policy   policy.Decision `json:"policy"`   // as the policy gave it
	Decision policy.Decision `json:"decision"` // after the guardrails
	Intent   *Intent         `json:"intent,omitempty"`
	// CircuitOpened marks the answer whose refusal opened the circuit.
	CircuitOpened bool `json:"circuit_opened,omitempty"`
	capped        bool // the policy held an automatic revocation only for a reached cap
}

// Decide asks the policy about a (update: new or escalated) and builds the
// intent it implies, before any guardrail but dry-run.
func (d *Decider) Decide(ctx context.Context, a Alert, update string) (Answer, error) {
	ans := Answer{AlertID: a.ID, Rule: a.Rule, Tenant: a.Tenant}
	dec := policy.Decision{Action: policy.ActionNone, Reason: a.Unactionable()}
	if dec.Reason == "" {
		var err error
		if dec, ans.capped, err = d.ask(ctx, a, update); err != nil {
			return Answer{}, fmt.Errorf("response policy on alert %s: %w", a.ID, err)
		}
	}
	ans.Policy, ans.Decision = dec, dec
	if dec.Action == policy.ActionNone {
		return ans, nil
	}
	in, err := d.intent(a, dec)
	if err != nil {
		return Answer{}, err
	}
	ans.Intent = &in
	return ans, nil
}

// ask asks the policy about a. capped reports an approve that only a
// reached cap caused (with the caps lifted the policy answers auto): the
// policy enforces the caps too, and the circuit must still open.
func (d *Decider) ask(ctx context.Context, a Alert, update string) (dec policy.Decision, capped bool, err error) {
	in := d.input(a, update)
	if dec, err = d.Policy.Decide(ctx, in); err != nil || dec.Action != policy.ActionApprove {
		return dec, false, err
	}
	if c := in.Counts; c.Tenant < c.TenantCap && c.Global < c.GlobalCap {
		return dec, false, nil
	}
	in.Counts.TenantCap, in.Counts.GlobalCap = 0, 0 // no cap
	uncapped, err := d.Policy.Decide(ctx, in)
	return dec, err == nil && uncapped.Action == policy.ActionAuto, nil
}

// Hold applies the guardrails to a new intent's automatic revocation: an
// allow-list, the kill switch or a full cap turns it into a proposal.
func (d *Decider) Hold(ans *Answer) {
	in := ans.Intent
	if in == nil || in.Action != ActionRevoke {
		return
	}
	if in.State == StateProposed && ans.capped && d.Guard.Allowed(in.Tenant, in.Credential) == "" && !d.Guard.Killed() {
		ans.CircuitOpened = d.Guard.refuse(in.Tenant, d.Now()) // the policy held it at a cap
		return
	}
	if in.State != StateAuto {
		return
	}
	held := d.Guard.Allowed(in.Tenant, in.Credential)
	if held == "" && d.Guard.Killed() {
		held = "the kill switch is on"
	}
	if held == "" {
		held, ans.CircuitOpened = d.Guard.Admit(in.Tenant, d.Now())
	}
	if held != "" {
		ans.Decision = policy.Decision{Action: policy.ActionApprove, Reason: ans.Policy.Reason + "; held: " + held}
		in.State, in.Decision, in.Reason = StateProposed, policy.ActionApprove, ans.Decision.Reason
	}
}

func (d *Decider) input(a Alert, update string) policy.Input {
	rule, ok := d.Rules[a.Rule]
	if !ok {
		rule = policy.Rule{ID: a.Rule, Title: a.Title, Severity: a.Severity, Tier: a.Tier}
	}
	tenantN, allN := d.Guard.Counts(cmp.Or(a.Held.Tenant, a.Tenant), d.Now()) // counted by the credential's tenant, as Hold counts
	tenantCap, globalCap, window := d.Guard.Caps()
	h := a.Held
	return policy.Input{
		Alert: policy.Alert{ID: a.ID, Rule: a.Rule, Severity: a.Severity, Tier: a.Tier, Tenant: a.Tenant,
			Credential: a.Credential, Actor: a.Actor, Reason: a.Explanation.Reason, Count: 1, Update: update, Facts: a.Facts},
		Rule: rule,
		Credential: policy.Credential{ID: a.Credential, Kind: h.Kind, Scopes: h.Scopes, Tenant: h.Tenant,
			Owner: h.Owner, Workload: h.Workload, Known: h.Kind != ""},
		AllowList: policy.AllowList{Credentials: d.Guard.cfg.AllowCredentials, Tenants: d.Guard.cfg.AllowTenants},
		Counts:    policy.Counts{Tenant: tenantN, Global: allN, TenantCap: tenantCap, GlobalCap: globalCap, Window: window.String()},
	}
}

// intent is the intent dec makes for a, its webhook body rendered once.
func (d *Decider) intent(a Alert, dec policy.Decision) (Intent, error) {
	action, state, typ := ActionRevoke, StateAuto, webhook.TypeRevoke
	switch dec.Action {
	case policy.ActionApprove:
		state = StateProposed
	case policy.ActionNotify:
		action, typ = ActionNotify, webhook.TypeNotify
	}
	// The credential's own tenant, where the event said (a token used across
	// tenants is one credential, revoked once), else the alert's.
	tenant := cmp.Or(a.Held.Tenant, a.Tenant)
	dry := d.Guard.DryRun(tenant)
	if dry {
		state = StateDryRun
	}
	now := d.Now().UTC()
	in := Intent{ID: IntentID(tenant, a.Credential, action, a.ID, dry), Tenant: tenant, Credential: a.Credential,
		Action: action, State: state, Seq: 1, Decision: dec.Action, AlertID: a.ID, AlertTenant: a.Tenant, Rule: a.Rule,
		Severity: a.Severity, Reason: dec.Reason, By: ByRespond, DryRun: dry, Created: now, At: now}
	expl, _ := json.Marshal(a.Explanation)
	body, err := json.Marshal(webhook.Payload{Type: typ, Timestamp: now, Data: webhook.Data{IntentID: in.ID,
		Action: action, Credential: a.Credential, Tenant: tenant, Rule: a.Rule, Severity: a.Severity,
		Reason: dec.Reason, DryRun: dry, Alert: a.Raw, Explanation: expl}})
	if err != nil {
		return Intent{}, fmt.Errorf("render webhook for alert %s: %w", a.ID, err)
	}
	in.Payload = body
	return in, nil
}
