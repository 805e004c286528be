package ingest

import (
	"context"
	"errors"
)

// flight is a grouped INSERT sent to the server: done closes once it has
// settled (committed) or failed with err.
type flight struct {
	group *insertGroup
	done  chan struct{}
	err   error
}

// errEarlierInsertFailed: an INSERT before this one did not settle, so this
// one, stored, is not committed either (a replay collapses on the key).
var errEarlierInsertFailed = errors.New("an earlier insert did not settle")

// inFlightLimit is how many grouped INSERTs may run at once.
func (s *Sink) inFlightLimit() int { return max(s.InsertsInFlight, 1) }

// assemblingGroup is the group batches join, taken from the spares.
func (s *Sink) assemblingGroup() *insertGroup {
	if s.assembling == nil {
		if n := len(s.spare); n > 0 {
			s.assembling, s.spare = s.spare[n-1], s.spare[:n-1]
		} else {
			s.assembling = &insertGroup{}
		}
	}
	return s.assembling
}

// send starts the INSERT of the group being assembled, once fewer than
// inFlightLimit are in flight. It settles after the one sent before it.
func (s *Sink) send(ctx context.Context) error {
	g := s.assembling
	if g == nil || g.batches == 0 {
		return nil
	}
	for len(s.flights) >= s.inFlightLimit() {
		if err := s.settleOldest(); err != nil {
			return errors.Join(err, s.settled())
		}
	}
	var before *flight
	if n := len(s.flights); n > 0 {
		before = s.flights[n-1]
	}
	f := &flight{group: g, done: make(chan struct{})}
	s.flights, s.assembling = append(s.flights, f), nil
	s.Metrics.insertsInFlight.Set(float64(len(s.flights)))
	go func() {
		defer close(f.done)
		f.err = s.insertGroup(ctx, g, before)
	}()
	return nil
}

// settleOldest waits for the oldest INSERT in flight to settle.
func (s *Sink) settleOldest() error {
	f := s.flights[0]
	<-f.done
	s.flights = s.flights[1:]
	s.Metrics.insertsInFlight.Set(float64(len(s.flights)))
	if f.err == nil {
		s.spare = append(s.spare, f.group)
	}
	return f.err
}

// settled waits for every INSERT in flight to settle.
func (s *Sink) settled() error {
	var errs []error
	for len(s.flights) > 0 {
		errs = append(errs, s.settleOldest())
	}
	return errors.Join(errs...)
}

// insertGroup inserts g and, once the INSERT sent before it (if any) has
// settled, settles g and empties it for reuse.
func (s *Sink) insertGroup(ctx context.Context, g *insertGroup, before *flight) error {
	gs, start := s.Store.(GroupStore), s.Clock.Now()
	if err := s.retry(ctx, componentClickHouse, 0, func(ctx context.Context) error {
		return gs.InsertBlocks(ctx, &g.blocks)
	}); err != nil {
		return err
	}
	s.Metrics.insertSecs.Observe(s.Clock.Now().Sub(start).Seconds())
	if before != nil {
		if <-before.done; before.err != nil {
			return errEarlierInsertFailed
		}
	}
	if err := s.settle(ctx, &g.awaiting); err != nil {
		return err
	}
	g.blocks.Reset()
	g.bytes, g.batches, g.awaiting = 0, 0, durable{}
	return nil
}
