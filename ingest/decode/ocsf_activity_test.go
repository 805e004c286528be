package decode_test

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// An Authentication event's activity_id names its action when no
// activity_name does. It went through int(float64): 1e300 became
// "auth.activity_-9223372036854775808" and 2.5 "auth.activity_2" (as if a
// Logoff). Only a whole number that fits counts; anything else is the
// Unknown activity (0), with a warning naming the field.
func TestOCSFActivityID(t *testing.T) {
	cases := []struct {
		id       any
		action   string
		warnings []string
	}{
		{1, "auth.logon", nil},
		{1.0, "auth.logon", nil},
		{2, "auth.logoff", nil},
		{99, "auth.activity_99", nil},
		{3e0, "auth.activity_3", nil},
		{2.5, "auth.activity_0", []string{"activity_id:invalid_value"}},
		{-1, "auth.activity_0", []string{"activity_id:invalid_value"}},
		{1e300, "auth.activity_0", []string{"activity_id:invalid_value"}},
		{-1e19, "auth.activity_0", []string{"activity_id:invalid_value"}},
		{"1", "auth.activity_0", []string{"activity_id:wrong_type"}},
	}
	for _, c := range cases {
		ev, err := decodeWith(t, "t", ocsfMsg(t, 3002, obj{"activity_id": c.id}))
		require.NoError(t, err, "%v", c.id)
		require.Equal(t, c.action, ev.Action, "%v", c.id)
		require.Equal(t, c.warnings, ev.Warnings, "%v", c.id)
	}
}
