package console

import (
	"fmt"
	"slices"
	"time"
)

// Bounds of triage input.
const (
	maxNote     = 4096
	maxAssignee = 256
	maxBulk     = 100
)

var closeReasons = []string{"true_positive", "benign", "false_positive", "duplicate"}

// triageAction is one requested change to an alert's triage.
type triageAction struct {
	Action   string `json:"-"` // acknowledge, assign, note, close, reopen
	Assignee string `json:"assignee,omitempty"`
	Reason   string `json:"reason,omitempty"`
	Note     string `json:"note,omitempty"`
}

// validate names the first bad field of a.
func (a triageAction) validate() error {
	switch a.Action {
	case "assign":
		if err := checkText("assignee", a.Assignee, maxAssignee, true); err != nil {
			return err
		}
	case "note":
		return checkText("text", a.Note, maxNote, true)
	case "close":
		if !slices.Contains(closeReasons, a.Reason) {
			return &fieldError{"reason", fmt.Sprintf("must be one of %v", closeReasons)}
		}
	}
	return checkText("note", a.Note, maxNote, false)
}

// conflictError is an action the alert's triage does not allow now.
type conflictError struct{ reason string }

func (e *conflictError) Error() string { return e.reason }

// apply is the entry a makes of st, by whom at when, or a conflictError.
func (a triageAction) apply(st triageState, by string, at time.Time) (TriageEntry, error) {
	e := TriageEntry{Seq: st.Seq + 1, At: at, Action: a.Action, Status: st.Status, Assignee: st.Assignee,
		CloseReason: st.CloseReason, Note: a.Note, By: by}
	closed := st.Status == statusClosed
	switch a.Action {
	case "acknowledge":
		if st.Status != statusNew {
			return e, &conflictError{"the alert is " + st.Status + ", not new"}
		}
		e.Status = statusAcknowledged
	case "assign":
		if closed {
			return e, &conflictError{"the alert is closed; reopen it first"}
		}
		e.Assignee = a.Assignee
	case "close":
		if closed {
			return e, &conflictError{"the alert is already closed"}
		}
		e.Status, e.CloseReason = statusClosed, a.Reason
	case "reopen":
		if !closed {
			return e, &conflictError{"the alert is " + st.Status + ", not closed"}
		}
		e.Status, e.CloseReason = statusAcknowledged, ""
	}
	return e, nil
}
