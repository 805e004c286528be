package detect_test

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/event"
)

// TestInstanceCredentialsElsewhere: an EC2 instance (and a second one of
// its account) calls AWS from its own address for 20 days, hourly keys
// rotating; then its credentials are used from somewhere. A machine
// outside the account's networks alerts (high with a new client, medium
// with the instance's own), whatever the history's order or the id's
// length; the account's other network, a VPC endpoint, and a new instance's
// first network stay quiet.
func TestInstanceCredentialsElsewhere(t *testing.T) {
	const sdk, kali = "aws-sdk-go-v2/1.30.3 os/linux lang/go#1.22.5", "aws-cli/2.15.10 Python/3.11.6 Linux/6.5.0-kali3-amd64"
	for _, c := range []struct {
		name, instance, ip, agent string
		reversed                  bool
		want                      string
	}{
		{"attacker's VPS, attacker's tools", "i-0abc123def4567890", "45.9.148.3", kali, false, "high"},
		{"history reversed", "i-0abc123def4567890", "45.9.148.3", kali, true, "high"},
		{"short instance id, IPv6", "i-1a2b3c4d", "2a01:4f8:c17:1234::1", kali, false, "high"},
		{"attacker with the instance's SDK", "i-0abc123def4567890", "45.9.148.3", sdk, false, "medium"},
		{"the account's other network", "i-0abc123def4567890", "3.91.20.7", sdk, false, ""},
		{"through a VPC endpoint", "i-0abc123def4567890", "10.0.3.7", kali, false, ""},
		{"a new instance's first network", "i-0ffffeeeedddd0000", "54.210.1.2", sdk, false, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			home := c.instance
			if c.name == "a new instance's first network" {
				home = "i-0abc123def4567890"
			}
			var evs []event.Event
			for d := range 20 {
				at := t0.Add(time.Duration(d)*24*time.Hour + time.Duration(d%5)*time.Hour)
				evs = append(evs, instanceCall(fmt.Sprint("a", d), home, "52.23.4.5", sdk, at),
					instanceCall(fmt.Sprint("b", d), "i-0bbbbbbbbbbbbbbbb", "3.91.8.9", sdk, at.Add(time.Minute)))
			}
			if c.reversed {
				slices.Reverse(evs)
			}
			last := instanceCall("last", c.instance, c.ip, c.agent, t0.Add(21*24*time.Hour))
			last.Source.Internal = c.ip == "10.0.3.7"
			evs = append(evs, last)
			require.Equal(t, c.want, severityOn(run(t, newEngine(t), evs), "instance_credentials_elsewhere", "last"))
		})
	}
}

// instanceCall is a secret read with instance's role credentials (a key
// per day) from ip.
func instanceCall(id, instance, ip, agent string, at time.Time) event.Event {
	return event.Event{ID: id, Time: at, Action: "secret.read", Outcome: "success", Tenant: "123456789012", Format: event.FormatCloudTrail,
		Actor:  event.Actor{ID: "arn:aws:sts::123456789012:assumed-role/app/" + instance, Type: "service", Tenants: []string{"123456789012"}},
		Token:  event.Token{ID: fmt.Sprintf("ASIA%s%d", instance, at.YearDay()), Kind: "session", Owner: "arn:aws:iam::123456789012:role/app", Tenant: "123456789012"},
		Secret: event.Secret{ID: "arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db"},
		Source: event.Source{IP: ip, UserAgent: agent},
		Attrs:  map[string]string{"aws.ec2_instance": instance, "aws.ec2_role_delivery": "2.0"}}
}
