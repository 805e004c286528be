package detect_test

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/event"
)

// TestKeyMintedForAnotherUser: two IAM users and a CI role work from their
// own networks for 20 days; then one of them creates an access key. A key
// for another user from a network the caller never used is high, whoever
// the caller (a user, a user with a path, a role's session), whatever the
// history's order or the address family; the same from the caller's own
// network (a rotation), from inside, for the caller itself, or refused is
// quiet. The thief's first calls from the VPS (a whoami, creating the user)
// minutes before the key do not make it the caller's network; calls from it
// two days before do.
func TestKeyMintedForAnotherUser(t *testing.T) {
	const acct = "123456789012"
	alice, ops := "arn:aws:iam::"+acct+":user/alice", "arn:aws:iam::"+acct+":user/ops/carol"
	ci := "arn:aws:sts::" + acct + ":assumed-role/deploy/gh-run"
	backup, carol := "arn:aws:iam::"+acct+":user/backup-svc", "arn:aws:iam::"+acct+":user/carol"
	for _, c := range []struct {
		name, actor, owner, ip, outcome string
		reversed                        bool
		prelude                         time.Duration // calls from ip this long before the key (0: none)
		want                            string
	}{
		{"a user, for another, from a VPS", alice, backup, "45.9.148.108", "success", false, 0, "high"},
		{"a user, for another, from a VPS, history reversed", alice, backup, "45.9.148.108", "success", true, 0, "high"},
		{"a user, for another, over IPv6 from a new network", alice, backup, "2a01:4f8:c17:1234::1", "success", false, 0, "high"},
		{"a role's session, for a user, from a VPS", ci, backup, "31.222.238.11", "success", false, 0, "high"},
		{"a user with a path, for another, from a VPS", ops, backup, "185.220.101.4", "success", false, 0, "high"},
		{"a rotation from the office", alice, backup, "198.51.100.22", "success", false, 0, ""},
		{"from inside the VPC", alice, backup, "10.0.3.7", "success", false, 0, ""},
		{"a user with a path, for itself", ops, carol, "185.220.101.4", "success", false, 0, ""},
		{"a user, for itself", alice, alice, "45.9.148.108", "success", false, 0, ""},
		{"refused", alice, backup, "45.9.148.108", "failure", false, 0, ""},
		{"after a whoami and a CreateUser from the same VPS", ci, backup, "31.222.238.11", "success", false, 10 * time.Second, "high"},
		{"after an hour of recon from the same VPS, history reversed", alice, backup, "45.9.148.108", "success", true, time.Hour, "high"},
		{"from a network the caller has had for two days", alice, backup, "81.2.69.142", "success", false, 50 * time.Hour, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			var evs []event.Event
			for d := range 20 {
				at := t0.Add(time.Duration(d)*24*time.Hour + time.Duration(d%7)*time.Hour)
				evs = append(evs, iamCall(fmt.Sprint("a", d), alice, "198.51.100.22", "secret.read", at),
					iamCall(fmt.Sprint("o", d), ops, "198.51.7.9", "secret.read", at.Add(time.Minute)),
					iamCall(fmt.Sprint("c", d), ci, "20.42.1.7", "secret.read", at.Add(2*time.Minute)))
			}
			if c.reversed {
				slices.Reverse(evs)
			}
			at := t0.Add(20*24*time.Hour + 2*time.Hour)
			if c.prelude > 0 {
				evs = append(evs, iamCall("whoami", c.actor, c.ip, "token.use", at.Add(-c.prelude)),
					iamCall("create-user", c.actor, c.ip, "token.use", at.Add(-c.prelude/2)))
			}
			mint := iamCall("mint", c.actor, c.ip, "token.create", at)
			mint.Outcome, mint.Source.Internal = c.outcome, c.ip == "10.0.3.7"
			mint.Token = event.Token{ID: "AKIAQ3EGVP7WBACKDOOR", Owner: c.owner, Tenant: acct, CreatedAt: mint.Time}
			mint.Secret = event.Secret{}
			got := severityOn(run(t, newEngine(t), append(evs, mint)), "key_minted_for_another_user", "mint")
			require.Equal(t, c.want, got)
		})
	}
}

// iamCall is a CloudTrail call by actor from ip with its own long-term key.
func iamCall(id, actor, ip, action string, at time.Time) event.Event {
	return event.Event{ID: id, Time: at, Action: action, Outcome: "success", Tenant: "123456789012", Format: event.FormatCloudTrail,
		Actor:  event.Actor{ID: actor, Type: "user", Tenants: []string{"123456789012"}},
		Token:  event.Token{ID: "AKIA" + fmt.Sprintf("%016X", len(actor)), Owner: actor, Tenant: "123456789012"},
		Secret: event.Secret{ID: "arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db"},
		Source: event.Source{IP: ip, UserAgent: "aws-cli/2.15.10 Python/3.11.6 Linux/6.5.0"}}
}
