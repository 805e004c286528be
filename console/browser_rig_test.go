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

// within runs steps in the tab, failing after d.
func (b *browser) within(t *testing.T, d time.Duration, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, d)
	defer cancel()
	require.NoError(t, chromedp.Do(ctx, steps...), "within %s", d)
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
