package detect_test

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/event"
	"github.com/credwatch/credwatch/gen"
)

// requireApart checks the variants played together do not spoil each
// other: no thief acts in a tenant from a network another variant's actors
// used in that tenant (the tenant would know it).
func requireApart(t *testing.T, episodes map[string]gen.Episode) {
	type place struct {
		tenant string
		asn    uint32
	}
	users := map[place]map[string]bool{}
	for name, ep := range episodes {
		for _, ev := range ep.Events {
			p := place{ev.Token.Tenant, ev.Source.ASN}
			if users[p] == nil {
				users[p] = map[string]bool{}
			}
			users[p][name] = true
		}
	}
	for name, ep := range episodes {
		for _, ev := range ep.Events {
			if !slices.Contains(ep.AttackIDs, ev.ID) {
				continue
			}
			require.Len(t, users[place{ev.Token.Tenant, ev.Source.ASN}], 1,
				"%s strikes %s from AS%d, which another variant uses there: change a Tag", name, ev.Token.Tenant, ev.Source.ASN)
		}
	}
}

// recall is "class caught/played" for every class.
func recall(caught map[string]bool) string {
	var parts []string
	for _, c := range variantClasses {
		n := 0
		for _, v := range c.variants {
			if caught[v.Name()] {
				n++
			}
		}
		parts = append(parts, fmt.Sprintf("%s %d/%d", c.name, n, len(c.variants)))
	}
	return strings.Join(parts, ", ")
}

// playFor generates the stream of cfg for d of simulated time, calling fn
// with each event in order; it returns how many there were and the last one's time.
func playFor(t *testing.T, cfg gen.Config, d time.Duration, fn func(*event.Event)) (int, time.Time) {
	t.Helper()
	g, err := gen.New(cfg)
	require.NoError(t, err)
	var ev event.Event
	n, last := 0, cfg.Start
	for !g.Next(&ev).After(cfg.Start.Add(d)) {
		cp := ev
		fn(&cp)
		n, last = n+1, cp.Time
	}
	return n, last
}

// sorted is m's "key: n" pairs, sorted by key.
func sorted(m map[string]int) []string {
	out := make([]string, 0, len(m))
	for k, n := range m {
		out = append(out, fmt.Sprintf("%s: %d", k, n))
	}
	sort.Strings(out)
	return out
}
