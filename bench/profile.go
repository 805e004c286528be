package bench

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"strconv"
	"time"

	"github.com/credwatch/credwatch/chserver"
)

// profileLength is how long a row's ingest process is profiled: most of a
// row, from the moment its metrics server answers.
const profileLength = 10 * time.Second

// profileIngest has cmd serve metrics on a free port and captures a CPU
// profile of it into path once it answers; the channel gives the outcome.
// Nothing is captured when path is empty.
func profileIngest(ctx context.Context, cmd *exec.Cmd, path string) (<-chan error, error) {
	done := make(chan error, 1)
	if path == "" {
		done <- nil
		return done, nil
	}
	port, err := chserver.FreePort()
	if err != nil {
		return nil, err
	}
	addr := "127.0.0.1:" + strconv.Itoa(port)
	cmd.Env = append(cmd.Env, "CREDWATCH_METRICS_ADDR="+addr) // the last of a key wins
	go func() { done <- captureProfile(ctx, "http://"+addr, path) }()
	return done, nil
}

// captureProfile waits (up to 30 s) for base's /healthz, then writes
// profileLength of its CPU profile to path.
func captureProfile(ctx context.Context, base, path string) error {
	deadline := time.Now().Add(30 * time.Second)
	for {
		if resp, err := get(ctx, base+"/healthz"); err == nil {
			resp.Body.Close()
			break
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("profile: %s did not answer within 30s", base)
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(20 * time.Millisecond):
		}
	}
	resp, err := get(ctx, fmt.Sprintf("%s/debug/pprof/profile?seconds=%d", base, int(profileLength.Seconds())))
	if err != nil {
		return fmt.Errorf("profile: %w", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("profile: %s", resp.Status)
	}
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if _, err := io.Copy(f, resp.Body); err != nil {
		f.Close()
		return fmt.Errorf("profile: %w", err)
	}
	return f.Close()
}

func get(ctx context.Context, url string) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, err
	}
	return http.DefaultClient.Do(req)
}
