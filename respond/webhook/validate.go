package webhook

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"unicode/utf8"
)

// Length bounds of a payload's strings (the event contract's).
const (
	maxFieldLength  = 256
	maxReasonLength = 1024
)

// FieldError is a payload that breaks a rule: Field is the JSON path of
// the bad field (e.g. "data.tenant"), Problem what is wrong with it.
type FieldError struct {
	Field   string
	Problem string
}

// Error is `field "<path>": <problem>`.
func (e *FieldError) Error() string { return fmt.Sprintf("field %q: %s", e.Field, e.Problem) }

// severities are the detection severities, lowest first.
func severities() []string { return []string{"info", "low", "medium", "high", "critical"} }

// Validate returns a *FieldError for the first field that breaks the
// payload's rules, or nil.
func (p Payload) Validate() error {
	wantAction := map[string]string{TypeRevoke: ActionRevoke, TypeNotify: ActionNotify}[p.Type]
	d := p.Data
	switch {
	case wantAction == "":
		return &FieldError{"type", fmt.Sprintf("must be %q or %q", TypeRevoke, TypeNotify)}
	case p.Timestamp.IsZero():
		return &FieldError{"timestamp", "required"}
	case d.Action != wantAction:
		return &FieldError{"data.action", fmt.Sprintf("must be %q for type %q", wantAction, p.Type)}
	case !slices.Contains(severities(), d.Severity):
		return &FieldError{"data.severity", fmt.Sprintf("must be one of %v", severities())}
	}
	for _, f := range []struct{ name, value string }{
		{"data.intent_id", d.IntentID}, {"data.credential", d.Credential},
		{"data.tenant", d.Tenant}, {"data.rule", d.Rule},
	} {
		if err := checkString(f.name, f.value, maxFieldLength); err != nil {
			return err
		}
	}
	if err := checkString("data.reason", d.Reason, maxReasonLength); err != nil {
		return err
	}
	return checkJSON(d.Alert, d.Explanation)
}

// checkString requires value to be non-empty valid UTF-8 of at most limit characters.
func checkString(field, value string, limit int) error {
	switch {
	case value == "":
		return &FieldError{field, "required"}
	case !utf8.ValidString(value):
		return &FieldError{field, "not valid UTF-8"}
	case utf8.RuneCountInString(value) > limit:
		return &FieldError{field, fmt.Sprintf("longer than %d characters", limit)}
	}
	return nil
}

// checkJSON requires the alert to be a JSON object and the explanation,
// when present, to be valid JSON.
func checkJSON(alert, explanation json.RawMessage) error {
	if a := bytes.TrimSpace(alert); len(a) == 0 || a[0] != '{' || !json.Valid(a) {
		return &FieldError{"data.alert", "must be a JSON object (the OCSF alert)"}
	}
	if len(explanation) > 0 && !json.Valid(explanation) {
		return &FieldError{"data.explanation", "not valid JSON"}
	}
	return nil
}
