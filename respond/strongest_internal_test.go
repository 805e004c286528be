package respond

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/respond/policy"
)

// TestStrongestAnswerPerIntent: when two rules alert on one event and map
// to one revocation intent, the answer that acts most is kept, whichever
// came first; notifications and other intents are untouched.
func TestStrongestAnswerPerIntent(t *testing.T) {
	ans := func(id, action string) Answer {
		return Answer{Policy: policy.Decision{Action: action}, Intent: &Intent{ID: id}}
	}
	for _, order := range [][]Answer{
		{ans("int_a", policy.ActionApprove), ans("int_a", policy.ActionAuto), ans("int_b", policy.ActionNotify)},
		{ans("int_a", policy.ActionAuto), ans("int_a", policy.ActionApprove), ans("int_b", policy.ActionNotify)},
	} {
		s := strongestAnswers(append(order, Answer{}))
		require.Equal(t, policy.ActionAuto, order[s["int_a"]].Policy.Action)
		require.Equal(t, 2, s["int_b"])
		require.Len(t, s, 2)
	}
	same := []Answer{ans("int_a", policy.ActionApprove), ans("int_a", policy.ActionApprove)}
	require.Equal(t, 0, strongestAnswers(same)["int_a"])
}
