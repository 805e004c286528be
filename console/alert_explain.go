package console

import (
	"encoding/json"

	"github.com/credwatch/credwatch/detect"
)

// Explained is why an alert was raised: the rule's reason in words and the
// stored facts, observed against the baseline, each in words and numbers.
type Explained struct {
	Reason      string         `json:"reason"`
	Description string         `json:"description,omitempty"` // what the rule looks for
	Decoded     bool           `json:"decoded"`               // false: only the reason could be read from the store
	Facts       []Fact         `json:"facts"`
	RuleFacts   map[string]any `json:"rule_facts,omitempty"` // the rule's own facts, as stored
}

// Fact is one observation: what was seen, against what is usual, and how
// unusual that is.
type Fact struct {
	Name     string   `json:"name"` // e.g. credential.network, window.distinct
	Text     string   `json:"text"`
	Marker   string   `json:"marker,omitempty"`   // one of the markers below
	Observed *float64 `json:"observed,omitempty"` // the number seen at the alert
	Baseline *float64 `json:"baseline,omitempty"` // the usual number it is compared with (see text)
}

// Markers: how usual an observed value is. UNSEEN, RARE (< 1% of uses),
// INFREQUENT (< 10%) and FREQUENT are detect's profile classes.
const (
	markerUnseen   = "UNSEEN"
	markerAbove    = "ABOVE_BASELINE" // above the p99 of past windows, or of earlier builds
	markerLearning = "LEARNING"       // the baseline is still being learned
	markerSequence = "SEQUENCE"       // an earlier step of a known attack sequence
)

// storedExplanation is detect.Explanation as alertsink stores it, with the
// baseline optional: an alert stored without one has no facts to show.
type storedExplanation struct {
	Reason      string         `json:"reason"`
	RuleFacts   map[string]any `json:"rule_facts"`
	Baseline    *detect.Facts  `json:"baseline"`
	Description string         `json:"description"`
}

// explain decodes the stored explanation of an alert whose reason column
// is reason. What cannot be decoded is left out, never guessed.
func explain(reason, stored string) Explained {
	out := Explained{Reason: reason, Facts: []Fact{}}
	var e storedExplanation
	if err := json.Unmarshal([]byte(stored), &e); err != nil {
		return out
	}
	out.Decoded, out.Description, out.RuleFacts = true, e.Description, e.RuleFacts
	if out.Reason == "" {
		out.Reason = e.Reason
	}
	if e.Baseline != nil {
		out.Facts = baselineFacts(*e.Baseline, e.RuleFacts)
	}
	return out
}

// num is a fact's number.
func num[T int | uint32 | float64](v T) *float64 {
	f := float64(v)
	return &f
}
