package detect

import (
	"bytes"
	"encoding/json"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/credwatch/credwatch/event"
)

// toInput builds {"event": <contract JSON>, "context": facts} as an AST
// value, converted once per event and shared by every rule.
func toInput(ev *event.Event, f Facts) (ast.Value, error) {
	b, err := json.Marshal(struct {
		Event   *event.Event `json:"event"`
		Context Facts        `json:"context"`
	}{ev, f})
	if err != nil {
		return nil, err
	}
	return ast.ValueFromReader(bytes.NewReader(b))
}
