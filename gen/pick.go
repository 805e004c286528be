package gen

import (
	"math/rand/v2"
	"sort"
)

// index computes the pick weights once the world is built.
func (w *World) index(rng *rand.Rand) {
	w.userCum = cumulative(w.Users, func(u *User) float64 { return u.Activity })
	w.serviceCum = cumulative(w.Services, func(u *User) float64 { return u.Activity })
	w.orgCum = cumulative(w.Orgs, func(o *Org) float64 { return float64(len(o.Users) + len(o.Public)) })
	for _, s := range w.Spaces {
		if s.Token != nil {
			w.tokenSpaces = append(w.tokenSpaces, s)
		}
	}
	for range 16 {
		w.builders = append(w.builders, PlatformNet(rng))
	}
}

// cumulative is the running sum of weight over list.
func cumulative[T any](list []T, weight func(T) float64) []float64 {
	cum := make([]float64, len(list))
	var sum float64
	for i, v := range list {
		sum += weight(v)
		cum[i] = sum
	}
	return cum
}

// pickCum is an index drawn with the weights whose running sum is cum.
func pickCum(cum []float64, rng *rand.Rand) int {
	i := sort.SearchFloat64s(cum, rng.Float64()*cum[len(cum)-1])
	return min(i, len(cum)-1)
}

// PickUser is a human user, drawn by activity.
func (w *World) PickUser(rng *rand.Rand) *User { return w.Users[pickCum(w.userCum, rng)] }

// PickService is a service account, drawn by activity; nil when there are none.
func (w *World) PickService(rng *rand.Rand) *User {
	if len(w.Services) == 0 {
		return nil
	}
	return w.Services[pickCum(w.serviceCum, rng)]
}

// PickOrg is an org drawn by size and popularity.
func (w *World) PickOrg(rng *rand.Rand) *Org { return w.Orgs[pickCum(w.orgCum, rng)] }

// PickRepo is what u's request acts on: mostly (80%) a model, dataset or
// Space of one of u's orgs, else a public one of a popular org.
func (w *World) PickRepo(u *User, rng *rand.Rand) *Repo {
	if rng.Float64() < 0.2 {
		if o := w.PickOrg(rng); len(o.Public) > 0 {
			return pick(rng, o.Public)
		}
	}
	o := pick(rng, u.Orgs)
	if rng.Float64() < 0.2 || len(o.Repos) == 0 {
		return &pick(rng, o.Spaces).Repo
	}
	return pick(rng, o.Repos)
}
