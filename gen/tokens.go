package gen

import (
	"math/rand/v2"
	"slices"
	"time"
)

// Scope sets by token kind, shared by every token of the set.
var (
	fineScopes = [][]string{
		{"repo.content.read"},
		{"repo.content.read", "repo.write"},
		{"repo.content.read", "inference.serverless.write"},
		{"repo.content.read", "repo.write", "discussion.write"},
		{"inference.serverless.write"},
		{"repo.content.read", "repo.write", "user.webhooks.write"},
		{"repo.content.read", "org.read"},
	}
	readScopes   = [][]string{{"read"}}
	writeScopes  = [][]string{{"read", "write"}}
	oauthScopes  = [][]string{{"openid", "profile", "read-repos"}, {"openid", "profile", "email", "write-repos"}, {"openid", "profile", "inference-api"}}
	legacyScopes = [][]string{{"read", "write", "admin"}}
)

// userKinds and userKindWeights: the kinds of users' API tokens and how common
// each is (org_legacy, the old org API token, is rare).
var (
	userKinds       = []string{"fine_grained", "read", "write", "oauth", "org_legacy"}
	userKindWeights = []float64{40, 25, 22, 11, 2}
)

// scopesFor is a scope set of kind ("session" has none).
func scopesFor(kind string, rng *rand.Rand) []string {
	switch kind {
	case "fine_grained":
		return pick(rng, fineScopes)
	case "read":
		return readScopes[0]
	case "write":
		return writeScopes[0]
	case "oauth":
		return pick(rng, oauthScopes)
	case "org_legacy":
		return legacyScopes[0]
	}
	return nil
}

// userKind picks the kind of a new user API token.
func userKind(rng *rand.Rand) string {
	x := rng.Float64() * 100
	for i, w := range userKindWeights {
		if x -= w; x < 0 {
			return userKinds[i]
		}
	}
	return userKinds[0]
}

// token is a new token created ageDays before the world's start (to the second).
func (b *builder) token(owner, tenant, kind, workload string, ageDays float64) *Token {
	age := time.Duration(ageDays * float64(24*time.Hour))
	return &Token{ID: HexID(b.rng, "tok_"), Kind: kind, Scopes: scopesFor(kind, b.rng), Owner: owner,
		Tenant: tenant, Workload: workload, CreatedAt: b.w.Start.Add(-age).Truncate(time.Second)}
}

// tokenAge is a typical token age in days: median ~6 months, a quarter older
// than a year, legacy org tokens 1–4 years.
func (b *builder) tokenAge(kind string) float64 {
	if kind == "org_legacy" {
		return 400 + b.rng.Float64()*1000
	}
	return min(1+b.rng.ExpFloat64()*250, 1500)
}

// userTokens are 1–3 (sometimes 4) API tokens, oldest first.
func (b *builder) userTokens(owner, tenant string) []*Token {
	n := 1 + b.rng.IntN(3)
	if b.rng.Float64() < 0.1 {
		n++
	}
	toks := make([]*Token, n)
	for i := range toks {
		kind := userKind(b.rng)
		toks[i] = b.token(owner, tenant, kind, "", b.tokenAge(kind))
	}
	slices.SortStableFunc(toks, func(a, c *Token) int { return a.CreatedAt.Compare(c.CreatedAt) })
	return toks
}

// HexID is prefix followed by 16 random hex digits.
func HexID(rng *rand.Rand, prefix string) string {
	var buf [48]byte
	b := append(buf[:0], prefix...)
	v := rng.Uint64()
	for shift := 60; shift >= 0; shift -= 4 {
		b = append(b, "0123456789abcdef"[v>>uint(shift)&0xf])
	}
	return string(b)
}
