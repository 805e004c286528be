package detect

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/event"
)

// TestLiveSuppressionsSwapWhileJudging: an engine given a live list judges
// each new alert with the list as it stands.
func TestLiveSuppressionsSwapWhileJudging(t *testing.T) {
	at := time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)
	ev := &event.Event{ID: "e", Time: at, Tenant: "acme", Token: event.Token{ID: "tok"}}
	s := Suppression{ID: "s", Rule: "r", Tenant: "acme", Owner: "o", Reason: "why", Expires: at.Add(time.Hour)}
	list := NewSuppressionList(nil)
	e := &Engine{cfg: Config{Suppressions: []Suppression{s}, LiveSuppressions: list}}
	require.Nil(t, suppressionFor(e.suppressions(), "r", ev), "the live list wins over the configured one")
	list.Store([]Suppression{s})
	require.NotNil(t, suppressionFor(e.suppressions(), "r", ev))
	list.Store(nil)
	require.Nil(t, suppressionFor(e.suppressions(), "r", ev))
	require.NotNil(t, suppressionFor((&Engine{cfg: Config{Suppressions: []Suppression{s}}}).suppressions(), "r", ev))
}
