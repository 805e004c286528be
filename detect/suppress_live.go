package detect

import "sync/atomic"

// SuppressionList is a list of suppressions that can be swapped while
// engines judge events: every engine given the same list sees the new one
// from its next alert on. Safe for concurrent use.
type SuppressionList struct {
	list atomic.Pointer[[]Suppression]
}

// NewSuppressionList holds a copy of initial.
func NewSuppressionList(initial []Suppression) *SuppressionList {
	l := &SuppressionList{}
	l.Store(initial)
	return l
}

// Store replaces the list with a copy of list.
func (l *SuppressionList) Store(list []Suppression) {
	c := append([]Suppression(nil), list...)
	l.list.Store(&c)
}

// Load is the list as it stands; callers must not change it.
func (l *SuppressionList) Load() []Suppression {
	if p := l.list.Load(); p != nil {
		return *p
	}
	return nil
}

// suppressions is the list e judges with: the live one when set, else the
// configured one.
func (e *Engine) suppressions() []Suppression {
	if e.cfg.LiveSuppressions != nil {
		return e.cfg.LiveSuppressions.Load()
	}
	return e.cfg.Suppressions
}
