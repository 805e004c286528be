package gen

import (
	"math"
	"math/rand/v2"
)

// serviceRoles name service accounts.
var serviceRoles = []string{"ci", "etl", "deploy", "eval"}

// services adds o's CI/service accounts: 2–3 in large orgs, often one in a
// mid-sized org, rarely one in a small one. They run from a cloud 24/7.
func (b *builder) services(o *Org) {
	rng := b.rng
	n := 0
	switch {
	case len(o.Users) >= 30:
		n = 2 + rng.IntN(2)
	case len(o.Users) >= 4 && rng.Float64() < 0.6, rng.Float64() < 0.1:
		n = 1
	}
	for range n {
		s := &User{
			ID: b.unique("svc-" + o.Name + "-" + pick(rng, serviceRoles)), Type: "service",
			Orgs: []*Org{o}, Tenants: o.Tenants, Home: CloudNet(rng), AllDay: true,
			Agents: []string{pick(rng, serviceAgents)}, Activity: 3 * math.Exp(rng.NormFloat64()),
		}
		for range 1 + rng.IntN(2) {
			kind := pick(rng, []string{"write", "fine_grained"})
			s.Tokens = append(s.Tokens, b.token(s.ID, o.Name, kind, "", b.tokenAge(kind)))
		}
		if s.Tokens[0].Kind == "fine_grained" {
			s.Tokens[0].Scopes = fineScopes[1] // CI pushes
		}
		o.Services = append(o.Services, s)
		b.w.Services = append(b.w.Services, s)
	}
}

// visibility is "public" with probability pub, else "private".
func visibility(pub float64, rng *rand.Rand) string {
	if rng.Float64() < pub {
		return "public"
	}
	return "private"
}

// repos adds o's models (70%) and datasets.
func (b *builder) repos(o *Org) {
	for range min(1+b.rng.IntN(2+len(o.Users)/2), 60) {
		r := &Repo{Type: "model", Visibility: visibility(0.55, b.rng), Org: o}
		names := modelNames
		if b.rng.Float64() < 0.3 {
			r.Type, names = "dataset", datasetNames
		}
		r.ID = b.unique(o.Name + "/" + pick(b.rng, names))
		o.Repos = append(o.Repos, r)
		if r.Visibility == "public" {
			o.Public = append(o.Public, r)
		}
	}
}

// spaces adds o's Spaces, each declaring 1–6 secrets (often HF_TOKEN first);
// 70% have a token bound to their workload.
func (b *builder) spaces(o *Org) {
	rng := b.rng
	for range min(1+rng.IntN(1+len(o.Users)/3), 30) {
		id := b.unique(o.Name + "/" + pick(rng, spaceNames))
		s := &Space{Repo: Repo{ID: id, Type: "space", Visibility: visibility(0.65, rng), Org: o},
			Workload: "space:" + id, Owner: pick(rng, o.Users), Build: HexID(rng, "bld_"), Runtime: PlatformNet(rng)}
		names := rng.Perm(len(secretNames))
		for i := range 1 + rng.IntN(6) {
			name := secretNames[names[i]]
			if i == 0 && rng.Float64() < 0.6 {
				name = "HF_TOKEN"
			}
			if i > 0 && name == "HF_TOKEN" && s.Secrets[0].Name == "HF_TOKEN" {
				continue
			}
			s.Secrets = append(s.Secrets, &Secret{ID: HexID(rng, "sec_"), Name: name, Space: s})
		}
		if rng.Float64() < 0.7 {
			kind := pick(rng, []string{"fine_grained", "fine_grained", "write"})
			s.Token = b.token(s.Owner.ID, o.Name, kind, s.Workload, b.tokenAge(kind))
		}
		o.Spaces = append(o.Spaces, s)
		b.w.Spaces = append(b.w.Spaces, s)
		if s.Visibility == "public" {
			o.Public = append(o.Public, &s.Repo)
		}
	}
}
