package detect

import (
	"encoding/json"
	"fmt"
	"os"
	"time"

	"github.com/credwatch/credwatch/event"
)

// Suppression silences a rule for a scope: the rule plus any of credential,
// actor, tenant and ASN. Suppressed alerts are kept and marked, never
// dropped, and never sent to response. It needs an owner, a reason and an
// expiry: nothing is muted forever by nobody.
type Suppression struct {
	ID         string    `json:"id"`
	Rule       string    `json:"rule"` // "*" for every rule
	Credential string    `json:"credential,omitempty"`
	Actor      string    `json:"actor,omitempty"`
	Tenant     string    `json:"tenant,omitempty"`
	ASN        uint32    `json:"asn,omitempty"`
	Owner      string    `json:"owner"`
	Reason     string    `json:"reason"`
	Expires    time.Time `json:"expires"`
}

// Validate names the first missing or wrong field.
func (s *Suppression) Validate() error {
	switch {
	case s.ID == "":
		return fmt.Errorf("suppression: id is required")
	case s.Rule == "":
		return fmt.Errorf("suppression %s: rule is required (\"*\" for all)", s.ID)
	case s.Owner == "":
		return fmt.Errorf("suppression %s: owner is required", s.ID)
	case s.Reason == "":
		return fmt.Errorf("suppression %s: reason is required", s.ID)
	case s.Expires.IsZero():
		return fmt.Errorf("suppression %s: expires is required", s.ID)
	case s.Rule == "*" && s.Credential == "" && s.Actor == "" && s.Tenant == "" && s.ASN == 0:
		return fmt.Errorf("suppression %s: an all-rules suppression needs a scope (credential, actor, tenant or asn)", s.ID)
	}
	return nil
}

// Matches reports whether s covers rule's match on ev. Expiry is judged in
// event time, so backtests and live runs agree.
func (s *Suppression) Matches(rule string, ev *event.Event) bool {
	return (s.Rule == "*" || s.Rule == rule) && ev.Time.Before(s.Expires) &&
		(s.Credential == "" || s.Credential == ev.Credential()) &&
		(s.Actor == "" || s.Actor == ev.Actor.ID) &&
		(s.Tenant == "" || s.Tenant == ev.Tenant) &&
		(s.ASN == 0 || s.ASN == ev.Source.ASN)
}

// LoadSuppressions reads a JSON array of suppressions from path and validates each.
func LoadSuppressions(path string) ([]Suppression, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var list []Suppression
	if err := json.Unmarshal(b, &list); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	for i := range list {
		if err := list[i].Validate(); err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
	}
	return list, nil
}

// suppressionFor is the first suppression covering rule's match on ev.
func suppressionFor(list []Suppression, rule string, ev *event.Event) *Suppression {
	for i := range list {
		if list[i].Matches(rule, ev) {
			s := list[i]
			return &s
		}
	}
	return nil
}
