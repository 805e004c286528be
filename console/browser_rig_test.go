package console

import (
	"context"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/internal/testenv"
	"github.com/credwatch/credwatch/store"
)

var update = flag.Bool("update", false, "save screenshots of the console's pages under testdata/screenshots/")

// browser is a headless chromium tab and what its pages wrote to the console.
type browser struct {
	ctx      context.Context
	base     string
	mu       sync.Mutex
	messages []chromedp.ConsoleMessage
}

// newBrowser starts Debian's chromium for the test, on base (the console).
func newBrowser(t *testing.T, base string) *browser {
	path := testenv.Chromium(t)
	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(path), chromedp.Headless, chromedp.NoSandbox,
		chromedp.DisableGPU, chromedp.Flag("disable-background-networking", true), chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 900))
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelTab := chromedp.NewContext(actx)
	ctx, cancelTime := context.WithTimeout(ctx, 2*time.Minute)
	t.Cleanup(func() { cancelTime(); cancelTab(); cancelAlloc() })
	b := &browser{ctx: ctx, base: base}
	messages := chromedp.Console(ctx)
	go func() {
		for m, err := range messages {
			if err != nil {
				return
			}
			b.mu.Lock()
			b.messages = append(b.messages, m)
			b.mu.Unlock()
		}
	}()
	require.NoError(t, chromedp.Do(ctx, chromedp.EmulateViewport(1280, 900)))
	return b
}

// do runs steps in the tab.
func (b *browser) do(t *testing.T, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	require.NoError(t, chromedp.Do(b.ctx, steps...))
}

// open navigates to path and waits for sel.
func (b *browser) open(t *testing.T, path, sel string) {
	t.Helper()
	b.do(t, chromedp.Navigate(b.base+path), chromedp.WaitVisible(chromedp.CSS(sel)))
}

// path is the tab's address without the console's base.
func (b *browser) path(t *testing.T) string {
	loc, err := chromedp.Run(b.ctx, chromedp.Location())
	require.NoError(t, err)
	return strings.TrimPrefix(loc, b.base)
}

// eval evaluates a JavaScript expression (awaiting a promise) in the page.
func eval[T any](t *testing.T, b *browser, expr string) T {
	t.Helper()
	v, err := chromedp.Run(b.ctx, chromedp.Evaluate[T](expr, chromedp.EvalAwaitPromise))
	require.NoError(t, err, expr)
	return v
}

// text is the visible text of sel.
func (b *browser) text(t *testing.T, sel string) string {
	t.Helper()
	s, err := chromedp.Run(b.ctx, chromedp.Text(chromedp.CSS(sel)))
	require.NoError(t, err, sel)
	return s
}

// waitFor polls a JavaScript condition until it is true (15 s at most).
func (b *browser) waitFor(t *testing.T, cond string) {
	t.Helper()
	_, err := chromedp.Run(b.ctx, chromedp.Poll[bool](cond, chromedp.WithPollingTimeout(15*time.Second)))
	require.NoError(t, err, "waiting for %s", cond)
}

// problems are the console's errors, exceptions and security messages
// (CSP violations among them) so far.
func (b *browser) problems() []string {
	b.mu.Lock()
	defer b.mu.Unlock()
	var out []string
	for _, m := range b.messages {
		if m.Type == chromedp.ConsoleError || m.IsException() || m.Source == "security" ||
			strings.Contains(m.Text, "Content Security Policy") {
			out = append(out, string(m.Type)+" "+m.URL+": "+m.Text)
		}
	}
	return out
}

// screenshot saves the page as testdata/screenshots/<name>.png under -update.
func (b *browser) screenshot(t *testing.T, name string) {
	t.Helper()
	if !*update {
		return
	}
	png, err := chromedp.Run(b.ctx, chromedp.FullScreenshot(100))
	require.NoError(t, err)
	dir := filepath.Join("..", "testdata", "screenshots")
	require.NoError(t, os.MkdirAll(dir, 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(dir, name+".png"), png, 0o644))
}

// newBrowserRig is the test console (its clock the test's) holding the test
// alerts, tok_shared's events and an alert on tok_shared with a full
// explanation; its queue refreshes every second.
func newBrowserRig(t *testing.T) (*rig, *testClock) {
	clk := &testClock{t: now}
	x := newRigWith(t, func(c *Config) { c.Now, c.AlertsRefresh = clk.Now, time.Second })
	require.NoError(t, x.st.InsertRows(t.Context(), tokenEvents()))
	require.NoError(t, x.st.InsertRows(t.Context(), explainedAlert("acme", "alr_acme_shared", now.Add(-30*time.Minute))))
	return x, clk
}

// explainedAlert is a critical alert on tok_shared, last seen at seen, with
// an explanation as detect writes it.
func explainedAlert(tenant, id string, seen time.Time) store.Rows {
	rows := store.Rows{Table: "alerts", Columns: testAlerts().Columns}
	explanation := `{"reason":"tok_shared was used from AS9009 (RO), a network it never used before",` +
		`"rule_facts":{"asn":9009,"country":"RO","known_networks":1},` +
		`"baseline":{"learning":false,"credential_learning":false,"networks_seen":1},` +
		`"description":"A credential used from a network that neither it nor its owner used before."}`
	rows.Values = append(rows.Values, []any{tenant, id, uint32(1), "new", uint8(1), "first_seen_asn",
		"Credential used from a new network", "critical", "respond", uint8(0), uint8(0), "", "", "",
		"tok_shared", "user@acme", seen.Add(-time.Hour), seen, uint32(2), uint32(2),
		"tok_shared was used from AS9009 (RO), a network it never used before", explanation, seen})
	return rows
}
