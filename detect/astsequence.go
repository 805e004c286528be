package detect

import "github.com/open-policy-agent/opa/v1/ast"

// sequenceTerm is s as its JSON would parse; see toInput.
func sequenceTerm(s *SequenceFacts) *ast.Term {
	o := fields{}
	for _, st := range []struct {
		name string
		step *Step
	}{{"leak_reported", s.LeakReported}, {"minted", s.Minted}, {"scopes_added", s.ScopesAdded},
		{"credential_revoked", s.CredentialRevoked}, {"revoked", s.Revoked}, {"duplicated", s.Duplicated},
		{"instance_commanded", s.InstanceCommanded}} {
		if st.step != nil {
			o.put(st.name, stepTerm(st.step))
		}
	}
	if u := s.UsedBeforeReport; u != nil {
		o.put("used_before_report", usedBeforeReportTerm(u))
	}
	return o.term()
}

func stepTerm(s *Step) *ast.Term {
	o := fields{}
	o.str("event_id", s.EventID)
	o.put("minutes_ago", ast.FloatNumberTerm(s.MinutesAgo))
	if s.ASN != 0 {
		o.put("asn", ast.UIntNumberTerm(uint64(s.ASN)))
	}
	o.optStr("subject", s.Subject)
	o.optStrs("scopes", s.Scopes)
	o.optStr("actor", s.Actor)
	o.optStr("ip", s.IP)
	return o.term()
}

func usedBeforeReportTerm(u *UsedBeforeReport) *ast.Term {
	o := fields{}
	o.put("minutes_after_leak", ast.FloatNumberTerm(u.MinutesAfterLeak))
	o.put("last_use", timeTerm(u.LastUse))
	if u.ASN != 0 {
		o.put("asn", ast.UIntNumberTerm(uint64(u.ASN)))
	}
	if len(u.ASNs) > 0 {
		asns := make([]*ast.Term, len(u.ASNs))
		for i, n := range u.ASNs {
			asns[i] = ast.UIntNumberTerm(uint64(n))
		}
		o.put("asns", ast.ArrayTerm(asns...))
	}
	o.optStrs("countries", u.Countries)
	return o.term()
}
