package gen_test

import (
	"crypto/sha256"
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/gen"
)

// TestBenignStreamIsUnchanged pins the benign stream: the hashes were taken
// before the attack scenarios were added.
func TestBenignStreamIsUnchanged(t *testing.T) {
	for cfg, want := range map[*gen.Config]string{
		{Seed: 1}: "0dafcf6690f6f6a709d89361e598bfed568f57f8e1b3742b82406979bdec7626",
		{Seed: 7, Tenants: 50, Start: start, Rate: 20}: "60c95538e6e7e64f4563f90de599184507c86926b987044df7cdf0b50812713f",
	} {
		h := sha256.New()
		for _, line := range stream(newGen(t, *cfg), 50_000) {
			h.Write([]byte(line + "\n"))
		}
		require.Equal(t, want, fmt.Sprintf("%x", h.Sum(nil)), "%+v", *cfg)
	}
}

// lines is g's events as JSON lines until simulated time until.
func lines(g *gen.Generator, until time.Time) []string {
	var out []string
	var ev eventT
	for !g.Next(&ev).After(until) {
		out = append(out, string(gen.AppendJSON(nil, &ev)))
	}
	return out
}

func TestAttacksMixIntoTrafficVerbatimAndInOrder(t *testing.T) {
	cfg := gen.Config{Seed: 2, Tenants: 30, Start: start, Rate: 0.005, Scenarios: attackNames}
	until := start.Add(gen.DefaultAttackAt + gen.DefaultDormantIdle + 24*time.Hour)
	got := lines(newGen(t, cfg), until)
	ids := map[string]bool{}
	var prev time.Time
	for _, line := range got {
		ev := decode(t, []byte(line))
		require.False(t, ids[ev.ID], "duplicate id: %s", line)
		require.False(t, ev.Time.Before(prev), "time went back: %s", line)
		ids[ev.ID], prev = true, ev.Time
	}
	for _, name := range attackNames {
		ep := episode(t, cfg, name)
		i := 0
		for _, line := range got {
			if i < len(ep.Events) && line == string(gen.AppendJSON(nil, &ep.Events[i])) {
				i++
			}
		}
		require.Equal(t, len(ep.Events), i, "%s: episode events missing from the stream", name)
	}
}

func TestAttacksLeaveBenignTrafficAlone(t *testing.T) {
	cfg := gen.Config{Seed: 3, Tenants: 40, Start: start, Rate: 0.03, NoOddities: true}
	until := start.Add(gen.DefaultAttackAt + time.Hour)
	plain := lines(newGen(t, cfg), until)
	cfg.Scenarios = attackNames
	attack := map[string]bool{}
	for _, name := range attackNames {
		for _, ev := range episode(t, cfg, name).Events {
			attack[ev.ID] = true
		}
	}
	var benign []string
	for _, line := range lines(newGen(t, cfg), until) {
		if ev := decode(t, []byte(line)); !attack[ev.ID] {
			ev.ID = ""
			benign = append(benign, string(gen.AppendJSON(nil, &ev)))
		}
	}
	for i := range plain {
		ev := decode(t, []byte(plain[i]))
		ev.ID = ""
		plain[i] = string(gen.AppendJSON(nil, &ev))
	}
	require.Equal(t, plain, benign)
}
