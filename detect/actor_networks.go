package detect

import "time"

// networkSince is when an actor first used each of its networks (in
// minutes since the Unix epoch), beside the networks' stats: how long a
// network has been the actor's. A thief's first successful call from their
// own server (a whoami) makes that server one of the actor's networks; what
// the thief does next from it is still from a network the actor has had
// for minutes, not days.
type networkSince []asnMinute

type asnMinute struct {
	asn   uint32
	first int32
}

// note records a successful use of asn at; known says whether the actor had
// used asn within the forget horizon before it (else it starts anew).
func (s *networkSince) note(asn uint32, at time.Time, known bool) {
	m := minuteOf(at)
	for i := range *s {
		if e := &(*s)[i]; e.asn == asn {
			if !known || m < e.first { // back after being forgotten, or a late earlier use
				e.first = m
			}
			return
		}
	}
	*s = append(*s, asnMinute{asn: asn, first: m})
}

// hours is how many whole hours before at the actor first used asn: 0 when
// it never did, or did first at or after at.
func (s networkSince) hours(asn uint32, at time.Time) int {
	for _, e := range s {
		if e.asn == asn {
			return max(0, int(at.Sub(timeOfMinute(e.first)).Hours()))
		}
	}
	return 0
}
