package receiver

import (
	"context"
	"errors"
	"log/slog"
	"net"
	"net/http"
	"time"
)

// shutdownGrace is how long requests in flight may finish once serving stops.
const shutdownGrace = 15 * time.Second

// Server serves a handler on a bound listener.
type Server struct {
	ln  net.Listener
	srv *http.Server
	log *slog.Logger
}

// Listen binds addr (host:port; port 0 for any free one) for h; a nil log
// discards. Call Run.
func Listen(addr string, h http.Handler, log *slog.Logger) (*Server, error) {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, err
	}
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 5 * time.Second, ReadTimeout: 30 * time.Second,
		WriteTimeout: 30 * time.Second, IdleTimeout: 2 * time.Minute, MaxHeaderBytes: 64 << 10}
	return &Server{ln: ln, srv: srv, log: log}, nil
}

// Addr is the bound address, e.g. "127.0.0.1:9465".
func (s *Server) Addr() string { return s.ln.Addr().String() }

// Run serves until ctx ends, then stops accepting, lets requests in flight
// finish (at most shutdownGrace) and returns. It returns early with the
// error if serving fails.
func (s *Server) Run(ctx context.Context) error {
	served := make(chan error, 1)
	go func() { served <- s.srv.Serve(s.ln) }()
	select {
	case err := <-served:
		return err
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), shutdownGrace)
	defer cancel()
	err := s.srv.Shutdown(sctx)
	if serr := <-served; !errors.Is(serr, http.ErrServerClosed) && err == nil {
		err = serr
	}
	return err
}

// Serve listens on addr and serves h in the background until ctx ends, then
// shuts down cleanly (errors are logged). It returns the bound address
// once listening.
func Serve(ctx context.Context, addr string, h http.Handler, log *slog.Logger) (string, error) {
	s, err := Listen(addr, h, log)
	if err != nil {
		return "", err
	}
	go func() {
		if err := s.Run(ctx); err != nil {
			s.log.Error("receiver server", "err", err)
		}
	}()
	return s.Addr(), nil
}
