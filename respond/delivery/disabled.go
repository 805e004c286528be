package delivery

// Disabled reports whether the endpoint at url answered 410 Gone.
func (s *Sender) Disabled(url string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.disabled[url]
}

// Enable sends to the endpoint at url again after a 410 Gone.
func (s *Sender) Enable(url string) { s.setDisabled(url, false) }

func (s *Sender) setDisabled(url string, off bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.disabled == nil {
		s.disabled = make(map[string]bool)
	}
	if off {
		s.disabled[url] = true
	} else {
		delete(s.disabled, url)
	}
}
