package respond

import (
	"context"
	"fmt"
	"time"

	"github.com/credwatch/credwatch/store"
)

// ControlKillSwitch is the control that, when "on", holds every automatic
// revocation for approval.
const ControlKillSwitch = "kill_switch"

// Controls are operator switches kept in ClickHouse, so that every respond
// process (and the console) sees a flip without a restart.
type Controls struct {
	st  Store
	now func() time.Time
}

// NewControls reads and writes switches in st.
func NewControls(st Store, now func() time.Time) *Controls { return &Controls{st: st, now: now} }

// SetKillSwitch turns the kill switch on or off, recording who and why.
func (c *Controls) SetKillSwitch(ctx context.Context, on bool, by, reason string) error {
	value := "off"
	if on {
		value = "on"
	}
	now := c.now().UTC()
	err := c.st.InsertRows(ctx, store.Rows{Table: "response_controls",
		Columns: []string{"name", "value", "by", "reason", "at", "seq"},
		Values:  [][]any{{ControlKillSwitch, value, by, reason, now, uint64(now.UnixNano())}}})
	if err != nil {
		return fmt.Errorf("kill switch: %w", err)
	}
	return nil
}

// KillSwitch reports whether the kill switch is on.
func (c *Controls) KillSwitch(ctx context.Context) (bool, error) {
	var value string
	row := c.st.Conn().QueryRow(ctx,
		"SELECT argMax(value, seq) FROM response_controls WHERE name = ?", ControlKillSwitch)
	if err := row.Scan(&value); err != nil {
		return false, fmt.Errorf("kill switch: %w", err)
	}
	return value == "on", nil
}
