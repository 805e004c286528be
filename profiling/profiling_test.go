package profiling_test

import (
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/pprof/profile"
	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/internal/testenv"
	"github.com/credwatch/credwatch/profiling"
)

// upload is one profile the fake server received.
type upload struct {
	name string
	prof *profile.Profile
	err  error
}

// TestCPUProfileUploadArrivesAsPprof points the profiler at a local HTTP
// server and checks a CPU profile upload arrives and parses as pprof.
func TestCPUProfileUploadArrivesAsPprof(t *testing.T) {
	var mu sync.Mutex
	var uploads []upload
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/ingest" {
			http.NotFound(w, r)
			return
		}
		u := upload{name: r.URL.Query().Get("name")}
		f, _, err := r.FormFile("profile")
		if err == nil {
			b, _ := io.ReadAll(f)
			u.prof, u.err = profile.ParseData(b)
		} else {
			u.err = err
		}
		mu.Lock()
		uploads = append(uploads, u)
		mu.Unlock()
	}))
	defer srv.Close()

	stop, err := profiling.Start(profiling.Config{ServerURL: srv.URL, Component: "ingest", Version: "test",
		Instance: "ci", UploadRate: 500 * time.Millisecond}, slog.New(slog.NewTextHandler(io.Discard, nil)))
	require.NoError(t, err)
	defer stop()
	burn := make(chan struct{})
	defer close(burn)
	go spin(burn) // give the CPU profiler samples

	var cpu upload
	testenv.Eventually(t, 30*time.Second, "a CPU profile upload", func() bool {
		mu.Lock()
		defer mu.Unlock()
		for _, u := range uploads {
			if strings.HasPrefix(u.name, "credwatch.ingest{") && u.err == nil && hasSampleType(u.prof, "cpu") {
				cpu = u
				return true
			}
		}
		return false
	})
	require.Contains(t, cpu.name, "instance=ci")
	require.Contains(t, cpu.name, "version=test")
	require.NoError(t, cpu.prof.CheckValid())
	require.NotEmpty(t, cpu.prof.Sample, "the CPU profile has samples")
}

func hasSampleType(p *profile.Profile, typ string) bool {
	for _, st := range p.SampleType {
		if st.Type == typ {
			return true
		}
	}
	return false
}

func spin(stop <-chan struct{}) {
	x := 0
	for {
		select {
		case <-stop:
			return
		default:
			for i := 0; i < 1e5; i++ {
				x += i * i
			}
		}
	}
}
