package console

import (
	"net/http"
	"strconv"
	"time"
)

// timelineCSVHeader is a timeline CSV's first row (TimelineEvent's fields).
var timelineCSVHeader = []string{"time", "time_ms", "id", "tenant", "action", "outcome", "actor", "resource",
	"source_ip", "source_asn", "source_country", "source_user_agent", "workload"}

// writeTimelineCSV writes the timeline's page as CSV, the next page's
// before= in a header.
func (s *Server) writeTimelineCSV(w http.ResponseWriter, t Timeline) {
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set(nextHeader, t.Next)
	out, err := newCSVRows(w, timelineCSVHeader)
	for i := 0; err == nil && i < len(t.Events); i++ {
		e := t.Events[i]
		err = out.row([]string{e.Time.UTC().Format(time.RFC3339), strconv.FormatUint(e.TimeMS, 10), e.ID, e.Tenant,
			e.Action, e.Outcome, e.Actor, e.Resource, e.IP, strconv.FormatUint(uint64(e.ASN), 10), e.Country,
			e.UserAgent, e.Workload})
	}
	if err = out.flush(); err != nil {
		s.cfg.Log.Warn("timeline: writing the CSV", "err", err)
	}
}
