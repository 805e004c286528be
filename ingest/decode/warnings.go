package decode

// skip drops the message without rejecting it: a record that only repeats
// another (a Vault request entry whose response follows, a Kubernetes audit
// stage before ResponseComplete). Skipped messages are counted, not stored.
func (r *reader) skip() { r.skipped = true }

// warning is one optional field blanked or normalised.
type warning struct{ field, reason string }

// fail reports a bad field: a rejection, or a warning when lenient.
func (r *reader) fail(e *Error) {
	if r.lenient {
		r.warn(e.Field, e.Reason)
		return
	}
	r.reject(e)
}

// reject rejects the event (a nil e is ignored).
func (r *reader) reject(e *Error) {
	if r.err == nil && e != nil {
		r.err = e
	}
}

// warn records that field was blanked or normalised for reason.
func (r *reader) warn(field, reason string) {
	if len(r.warnings) < maxWarnings {
		r.warnings = append(r.warnings, warning{field, reason})
	}
}

// maxWarnings bounds what one event records.
const maxWarnings = 16

// warningList is the event's Warnings: "field:reason" each.
func (r *reader) warningList() []string {
	if len(r.warnings) == 0 {
		return nil
	}
	out := make([]string, len(r.warnings))
	for i, w := range r.warnings {
		out[i] = w.field + ":" + w.reason
	}
	return out
}
