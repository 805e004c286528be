package console

import (
	"context"
	"errors"
	"net"
	"net/http"
	"time"
)

// Serve serves the API on ln until ctx ends, then lets requests in flight
// finish for up to 5 s.
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	hs := &http.Server{Handler: s.Handler(), ReadHeaderTimeout: 10 * time.Second, MaxHeaderBytes: 64 << 10}
	go func() {
		<-ctx.Done()
		sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
		defer cancel()
		_ = hs.Shutdown(sctx)
	}()
	if err := hs.Serve(ln); !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// OnLoopback reports whether addr is a loopback address (127.0.0.0/8 or
// ::1): there, plain http may carry the session cookie (Config.PlainHTTP).
func OnLoopback(addr net.Addr) bool {
	tcp, ok := addr.(*net.TCPAddr)
	return ok && tcp.IP.IsLoopback()
}
