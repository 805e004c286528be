package respond

import (
	"cmp"
	"context"
	"fmt"
	"log/slog"
	"time"
)

// Approvals are what an analyst does to proposals (the CLI and the console
// call the same code). Each answer is a recorded transition naming who.
type Approvals struct {
	Outbox *Outbox
	Events Emitter      // nil: no response.* events
	Log    *slog.Logger // where an event that could not be emitted is logged
	Now    func() time.Time
}

// Pending lists proposals waiting for an analyst (tenant "" for all).
func (a Approvals) Pending(ctx context.Context, tenant string) ([]Intent, error) {
	return a.Outbox.List(ctx, Filter{Tenant: tenant, States: []string{StateProposed}})
}

// Approve lets a proposal be delivered; the running respond service picks
// it up within its poll interval.
func (a Approvals) Approve(ctx context.Context, tenant, id, by string) (Intent, error) {
	return a.answer(ctx, tenant, id, by, StateApproved, "approved by "+by)
}

// Reject closes a proposal with the analyst's reason.
func (a Approvals) Reject(ctx context.Context, tenant, id, by, reason string) (Intent, error) {
	if reason == "" {
		return Intent{}, fmt.Errorf("reject %s: a reason is required", id)
	}
	return a.answer(ctx, tenant, id, by, StateRejected, reason)
}

func (a Approvals) answer(ctx context.Context, tenant, id, by, state, detail string) (Intent, error) {
	if by == "" {
		return Intent{}, fmt.Errorf("%s %s: who answers is required", state, id)
	}
	in, ok, err := a.Outbox.Get(ctx, tenant, id)
	switch {
	case err != nil:
		return Intent{}, err
	case !ok:
		return Intent{}, fmt.Errorf("intent %s: not found", id)
	case in.State != StateProposed:
		return Intent{}, fmt.Errorf("intent %s is %s, not waiting for approval", id, in.State)
	}
	next := in.next(state, by, detail, a.Now().UTC())
	if err := a.Outbox.Record(ctx, next); err != nil {
		return Intent{}, err
	}
	auditor{emit: a.Events, log: cmp.Or(a.Log, slog.Default())}.transitions(ctx, next)
	return next, nil
}
