package policy_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/detect"
	"github.com/credwatch/credwatch/respond/policy"
)

// TestDefaultPolicyDecisions: realistic alerts from each rule get the
// action the default policy promises.
func TestDefaultPolicyDecisions(t *testing.T) {
	p, err := policy.Default(context.Background())
	require.NoError(t, err)
	for _, c := range decisionCases() {
		t.Run(c.name, func(t *testing.T) {
			d, err := p.Decide(context.Background(), c.in)
			require.NoError(t, err)
			require.Equal(t, c.action, d.Action, d.Reason)
			require.Contains(t, d.Reason, c.reason)
		})
	}
}

// TestDecideConcurrent: one Policy serves many goroutines (run with -race).
func TestDecideConcurrent(t *testing.T) {
	p, err := policy.Default(context.Background())
	require.NoError(t, err)
	cases := decisionCases()
	errs := make(chan error, 8)
	for g := range 8 {
		go func() {
			for i := range 50 {
				c := cases[(g+i)%len(cases)]
				d, err := p.Decide(context.Background(), c.in)
				if err == nil && d.Action != c.action {
					err = fmt.Errorf("%s: got %s, want %s", c.name, d.Action, c.action)
				}
				if err != nil {
					errs <- err
					return
				}
			}
			errs <- nil
		}()
	}
	for range 8 {
		require.NoError(t, <-errs)
	}
}

// TestDecideWrapsAlert: errors name the alert and its rule.
func TestDecideWrapsAlert(t *testing.T) {
	p, err := policy.Default(context.Background())
	require.NoError(t, err)
	in := inputFor(newAlert(alert("leaked_token_used", "critical", "revoke", "acme", "tok_1", nil)), policy.Credential{})
	in.Alert.Facts = map[string]any{"bad": func() {}}
	_, err = p.Decide(context.Background(), in)
	require.ErrorContains(t, err, "alert alr_leaked_token_used (rule leaked_token_used): alert facts")
}

func escalated(a *detect.Alert) detect.Update {
	return detect.Update{Kind: detect.UpdateEscalated, Alert: a}
}
