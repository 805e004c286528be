package detect_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/event"
)

// TestInstanceCredentialsElsewhere: an EC2 instance (and a second one of
// its account) calls AWS from its own address for 20 days with a key a
// day, and on the 21st morning; then an instance key is used from
// somewhere. The key the instance used that morning, replayed from outside
// the account's networks with an attacker's client, is high whatever the
// history's order or the id's length, and medium with the instance's own
// SDK; a key the instance has not used yet is medium with an attacker's
// client and quiet with the instance's own SDK (a restart's fresh key from
// a new address); the account's other network, its own VPC endpoint and a
// new instance's first network are quiet, another account's VPC endpoint
// is not.
func TestInstanceCredentialsElsewhere(t *testing.T) {
	const sdk, kali = "aws-sdk-go-v2/1.30.3 os/linux lang/go#1.22.5", "aws-cli/2.15.10 Python/3.11.6 Linux/6.5.0-kali3-amd64"
	for _, c := range []struct {
		name, instance, ip, agent string
		replayed, reversed        bool
		want                      string
	}{
		{"its key from a VPS, attacker's tools", "i-0abc123def4567890", "45.9.148.3", kali, true, false, "high"},
		{"its key from a VPS, its own SDK", "i-0abc123def4567890", "45.9.148.3", sdk, true, false, "medium"},
		{"its key, history reversed", "i-0abc123def4567890", "45.9.148.3", kali, true, true, "high"},
		{"its key, short instance id, IPv6", "i-1a2b3c4d", "2a01:4f8:c17:1234::1", kali, true, false, "high"},
		{"a fresh key from a VPS, attacker's tools", "i-0abc123def4567890", "45.9.148.3", kali, false, false, "medium"},
		{"a restart: a fresh key from a new address, its own SDK", "i-0abc123def4567890", "18.232.140.17", sdk, false, false, ""},
		{"its key from the account's other network", "i-0abc123def4567890", "3.91.20.7", sdk, true, false, ""},
		{"its key through a VPC endpoint", "i-0abc123def4567890", "10.0.3.7", kali, true, false, ""},
		{"its key through another account's VPC endpoint", "i-0abc123def4567890", "172.31.9.4", kali, true, false, "high"},
		{"a new instance's first network", "i-0ffffeeeedddd0000", "54.210.1.2", sdk, false, false, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			home := c.instance
			if strings.HasPrefix(c.name, "a new instance") {
				home = "i-0abc123def4567890"
			}
			var evs []event.Event
			for d := range 22 {
				at := t0.Add(time.Duration(d)*24*time.Hour + time.Duration(d%5)*time.Hour)
				evs = append(evs, instanceCall(fmt.Sprint("a", d), home, "52.23.4.5", sdk, "day", at),
					instanceCall(fmt.Sprint("b", d), "i-0bbbbbbbbbbbbbbbb", "3.91.8.9", sdk, "day", at.Add(time.Minute)))
			}
			if c.reversed {
				slices.Reverse(evs)
			}
			key := map[bool]string{true: "day", false: "fresh"}[c.replayed]
			last := instanceCall("last", c.instance, c.ip, c.agent, key, t0.Add(21*24*time.Hour+3*time.Hour))
			last.Source.Internal = c.ip == "10.0.3.7"
			if strings.Contains(c.name, "another account's") {
				last.Attrs["aws.vpc_endpoint_account"] = "999988887777"
			}
			evs = append(evs, last)
			require.Equal(t, c.want, severityOn(run(t, newEngine(t), evs), "instance_credentials_elsewhere", "last"))
		})
	}
}

// instanceCall is a secret read from ip with instance's role credentials:
// the key of the day, or a fresh one.
func instanceCall(id, instance, ip, agent, key string, at time.Time) event.Event {
	return event.Event{ID: id, Time: at, Action: "secret.read", Outcome: "success", Tenant: "123456789012", Format: event.FormatCloudTrail,
		Actor:  event.Actor{ID: "arn:aws:sts::123456789012:assumed-role/app/" + instance, Type: "service", Tenants: []string{"123456789012"}},
		Token:  event.Token{ID: fmt.Sprintf("ASIA%s%s%d", instance, key, at.YearDay()), Kind: "session", Owner: "arn:aws:iam::123456789012:role/app", Tenant: "123456789012"},
		Secret: event.Secret{ID: "arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db"},
		Source: event.Source{IP: ip, UserAgent: agent},
		Attrs:  map[string]string{"aws.ec2_instance": instance, "aws.ec2_role_delivery": "2.0"}}
}
