package detect

import (
	"strings"

	"github.com/credwatch/credwatch/event"
)

// BuildFacts describe a build's secret reads so far, against the Space's
// declared secrets and its earlier builds.
type BuildFacts struct {
	ID             string `json:"id"`
	Workload       string `json:"workload"`
	SecretsRead    int    `json:"secrets_read"`    // distinct secrets this build read, this one included
	Foreign        bool   `json:"foreign"`         // this secret belongs to another workload
	ForeignSecrets int    `json:"foreign_secrets"` // distinct foreign secrets this build read
	HistoryBuilds  int    `json:"history_builds"`  // earlier builds seen
	HistoryMax     int    `json:"history_max"`     // most distinct secrets any earlier build read
	Declared       int    `json:"declared"`        // distinct secrets known to belong to the workload
}

// buildHistory is one workload's builds: the current one's reads and how
// many secrets each earlier build read.
type buildHistory struct {
	declared map[string]struct{} // secrets seen belonging to the workload, from any event
	current  string
	read     map[string]bool // secret id → foreign
	foreign  int
	previous []int // distinct secrets per earlier build, at most historyBuckets
}

const maxBuildHistory = 32

// isBuildRead reports whether ev is a build reading a secret.
func isBuildRead(ev *event.Event) bool {
	return ev.Action == "secret.read" && ev.Workload.Phase == "build" && ev.Workload.ID != "" && ev.Workload.BuildID != ""
}

// foreignSecret reports whether ev's secret is bound to another workload
// (names compared without case, as the rules do).
func foreignSecret(ev *event.Event) bool {
	return ev.Secret.Workload != "" && !strings.EqualFold(ev.Secret.Workload, ev.Workload.ID)
}

// declare notes that secret belongs to the workload.
func (h *buildHistory) declare(secret string) {
	if h.declared == nil {
		h.declared = map[string]struct{}{}
	}
	h.declared[secret] = struct{}{}
}

func (h *buildHistory) observe(ev *event.Event) {
	if ev.Workload.BuildID != h.current {
		if h.current != "" {
			h.previous = append(h.previous, len(h.read))
			if len(h.previous) > maxBuildHistory {
				h.previous = h.previous[1:]
			}
		}
		h.current, h.read, h.foreign = ev.Workload.BuildID, map[string]bool{}, 0
	}
	if _, seen := h.read[ev.Secret.ID]; !seen {
		f := foreignSecret(ev)
		h.read[ev.Secret.ID] = f
		if f {
			h.foreign++
		}
	}
}

func (h *buildHistory) facts(ev *event.Event) *BuildFacts {
	f := &BuildFacts{ID: ev.Workload.BuildID, Workload: ev.Workload.ID, SecretsRead: 1, Foreign: foreignSecret(ev)}
	if f.Foreign {
		f.ForeignSecrets = 1
	}
	if !f.Foreign {
		f.Declared = 1
	}
	if h == nil {
		return f
	}
	f.Declared = len(h.declared)
	if _, known := h.declared[ev.Secret.ID]; !known && !f.Foreign {
		f.Declared++
	}
	f.HistoryBuilds = len(h.previous)
	for _, n := range h.previous {
		f.HistoryMax = max(f.HistoryMax, n)
	}
	if ev.Workload.BuildID == h.current {
		f.ForeignSecrets = h.foreign
		f.SecretsRead = len(h.read)
		if _, seen := h.read[ev.Secret.ID]; !seen {
			f.SecretsRead++
			if f.Foreign {
				f.ForeignSecrets++
			}
		}
	} else if h.current != "" {
		f.HistoryBuilds++
		f.HistoryMax = max(f.HistoryMax, len(h.read))
	}
	return f
}
