package chserver

import "context"

// StartOnFreePorts and Ping open the unexported start-up steps to the
// external tests, which use internal/testenv (it imports this package).
var StartOnFreePorts = startOnFreePorts

func (s *Server) Ping(ctx context.Context) error { return s.ping(ctx) }
