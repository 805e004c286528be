package respond

import (
	"context"
	"fmt"

	"github.com/credwatch/credwatch/respond/policy"
)

// escalation is the transition a later automatic answer makes of a
// revocation already proposed for the same credential: a leaked token's
// alert that arrives after impossible travel asked for approval must not
// wait for an analyst. The proposal becomes approved by respond, carrying
// the stronger alert (its rule, reason and webhook body), once the
// guardrails admit it; held by them, the proposal stands. A proposal that
// expired unanswered is escalated too; one an analyst rejected is not (the
// analyst's answer stands). ok is false when there is nothing to escalate:
// not an automatic live revocation, or the recorded intent is neither
// proposed nor expired.
func (r *Responder) escalation(ctx context.Context, ans Answer) (up Answer, ok bool, err error) {
	if in := ans.Intent; ans.Policy.Action != policy.ActionAuto || in.Action != ActionRevoke || in.DryRun || r.pastApproval(in.ID) {
		return Answer{}, false, nil
	}
	cur, found, err := r.outbox.Get(ctx, ans.Intent.Tenant, ans.Intent.ID)
	if err != nil {
		return Answer{}, false, fmt.Errorf("outbox lookup: %w", err)
	}
	if !found || (cur.State != StateProposed && cur.State != StateExpired) {
		if found {
			r.markPastApproval(cur)
		}
		return Answer{}, false, nil
	}
	r.hold(&ans)
	if ans.Intent.State != StateAuto {
		return Answer{}, false, nil
	}
	in := *ans.Intent
	in.State, in.Seq, in.Created, in.By = StateApproved, cur.Seq+1, cur.Created, ByRespond
	in.Detail = fmt.Sprintf("escalated: %s (alert %s) revokes automatically; %s for %s (alert %s)",
		in.Rule, in.AlertID, cur.State, cur.Rule, cur.AlertID)
	ans.Intent = &in
	return ans, true, nil
}

// pastApproval reports whether intent id is known to have left approval
// for good (acted on, or rejected): a re-published automatic alert needs
// no outbox read to learn there is nothing to escalate.
func (r *Responder) pastApproval(id string) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	_, ok := r.past[id]
	return ok
}

// markPastApproval records in as past approval unless it may still be
// escalated (proposed or expired). The set is bounded: when full it starts
// again, and a forgotten id costs one outbox read.
func (r *Responder) markPastApproval(in Intent) {
	if in.State == StateProposed || in.State == StateExpired {
		return
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.past == nil || len(r.past) >= 100000 {
		r.past = map[string]struct{}{}
	}
	r.past[in.ID] = struct{}{}
}
