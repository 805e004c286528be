package detect_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/detect"
	"github.com/credwatch/credwatch/event"
	"github.com/credwatch/credwatch/ingest/decode"
	"github.com/credwatch/credwatch/rules"
)

// commandRecord is a CloudTrail record of an IAM user running code on (or
// opening a shell to) instance from ip, by api ("ssm:SendCommand",
// "ssm:StartSession", "ec2-instance-connect:SendSSHPublicKey", or new user
// data with "ec2:ModifyInstanceAttribute").
func commandRecord(id, account, user, api, instance, ip string, at time.Time) string {
	service, name, _ := strings.Cut(api, ":")
	params := map[string]string{
		"ssm:SendCommand":                       `{"documentName":"AWS-RunShellScript","instanceIds":["` + instance + `"],"parameters":"HIDDEN_DUE_TO_SECURITY_REASONS"}`,
		"ssm:StartSession":                      `{"target":"` + instance + `"}`,
		"ec2-instance-connect:SendSSHPublicKey": `{"instanceId":"` + instance + `","instanceOSUser":"ec2-user"}`,
		"ec2:ModifyInstanceAttribute":           `{"instanceId":"` + instance + `","userData":"<sensitiveDataRemoved>"}`,
	}[api]
	return fmt.Sprintf(`{"eventVersion":"1.09","eventTime":%q,"eventSource":"%s.amazonaws.com","eventName":%q,"eventID":%q,`+
		`"recipientAccountId":%q,"sourceIPAddress":%q,"userAgent":"aws-cli/2.17.20 Python/3.11.9 Darwin/23.5.0",`+
		`"userIdentity":{"type":"IAMUser","arn":"arn:aws:iam::%s:user/%s","accountId":%q,"accessKeyId":"AKIA%sEXAMPLE"},"requestParameters":%s}`,
		at.Format(time.RFC3339), service, name, id, account, ip, account, user, account, strings.ToUpper(user), params)
}

// instanceUseRecord is a CloudTrail record of a call made with instance's
// role credentials (IMDSv2) from ip.
func instanceUseRecord(id, instance, ip, call string, at time.Time) string {
	service, name, _ := strings.Cut(call, ":")
	return fmt.Sprintf(`{"eventVersion":"1.09","eventTime":%q,"eventSource":"%s.amazonaws.com","eventName":%q,"eventID":%q,`+
		`"recipientAccountId":"123456789012","sourceIPAddress":%q,"userAgent":"aws-sdk-go-v2/1.30.3 os/linux lang/go#1.22.5",`+
		`"userIdentity":{"type":"AssumedRole","arn":"arn:aws:sts::123456789012:assumed-role/app/%s","accountId":"123456789012",`+
		`"accessKeyId":"ASIA%dEXAMPLE","sessionContext":{"sessionIssuer":{"type":"Role","arn":"arn:aws:iam::123456789012:role/app"},"ec2RoleDelivery":"2.0"}}}`,
		at.Format(time.RFC3339), service, name, id, ip, instance, at.YearDay())
}

// TestInstanceCredentialsFromCommander: someone runs a command on an EC2
// instance, and the instance's credentials are then used from the
// commander's network: high on the first use, with no history (Stratus
// Red Team's ec2-steal-instance-credentials) or after weeks of the
// instance's own calls, whichever call reached the instance, from the same
// address or its /24 or /64, with ids in any case. Quiet: the instance's
// own network, the NAT gateway it shares with the commander (it used it
// before the command), a use before the command or more than 12 hours
// after, another instance, another account's command, a private address.
func TestInstanceCredentialsFromCommander(t *testing.T) {
	const inst, attacker, nat = "i-0abc123def4567890", "18.236.253.47", "52.23.4.5"
	day := time.Date(2026, 11, 2, 8, 0, 0, 0, time.UTC)
	for _, c := range []struct {
		name                      string
		history                   bool // weeks of the instance's own calls from nat
		account, api, target, cmd string
		use, useInstance          string
		after                     time.Duration
		want                      string
	}{
		{"cold start, SendCommand", false, "", "ssm:SendCommand", inst, attacker, attacker, inst, 31 * time.Second, "high"},
		{"after weeks of its own calls", true, "", "ssm:SendCommand", inst, attacker, attacker, inst, 40 * time.Minute, "high"},
		{"a session, the next address of its /24", true, "", "ssm:StartSession", inst, "198.51.100.7", "198.51.100.99", inst, 2 * time.Hour, "high"},
		{"EC2 Instance Connect, IPv6 /64", false, "", "ec2-instance-connect:SendSSHPublicKey", inst, "2a01:4f8:c17:1234::1", "2a01:4f8:c17:1234:8f2e::7", inst, time.Hour, "high"},
		{"anonymised id in mixed case", false, "", "ssm:SendCommand", "i-786a3A8B5C0d92eF4", attacker, attacker, "i-786a3A8B5C0d92eF4", time.Minute, "high"},
		{"short id, 11 hours later", false, "", "ssm:SendCommand", "i-1a2b3c4d", attacker, attacker, "i-1a2b3c4d", 11 * time.Hour, "high"},
		{"new user data, after weeks of its own calls", true, "", "ec2:ModifyInstanceAttribute", inst, attacker, attacker, inst, 9 * time.Minute, "high"},
		{"its own network", true, "", "ssm:SendCommand", inst, attacker, nat, inst, time.Minute, ""},
		{"the NAT gateway it shares with the commander", true, "", "ssm:SendCommand", inst, nat, nat, inst, time.Minute, ""},
		{"13 hours later", false, "", "ssm:SendCommand", inst, attacker, attacker, inst, 13 * time.Hour, ""},
		{"used before the command", false, "", "ssm:SendCommand", inst, attacker, attacker, inst, -time.Minute, ""},
		{"another instance", false, "", "ssm:SendCommand", "i-0fffeeeddd0001111", attacker, attacker, inst, time.Minute, ""},
		{"another account's command", false, "999988887777", "ssm:SendCommand", inst, attacker, attacker, inst, time.Minute, ""},
		{"another /24", false, "", "ssm:SendCommand", inst, attacker, "18.236.254.47", inst, time.Minute, ""},
		{"through a VPC endpoint", false, "", "ssm:SendCommand", inst, attacker, "10.0.3.7", inst, time.Minute, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			var records []string
			if c.history {
				for d := 21; d >= 1; d-- {
					records = append(records, instanceUseRecord(fmt.Sprint("own-", d), c.useInstance, nat, "ssm:UpdateInstanceInformation", day.Add(-time.Duration(d)*24*time.Hour)))
				}
			}
			account := c.account
			if account == "" {
				account = "123456789012"
			}
			records = append(records, commandRecord("cmd", account, "christophe", c.api, c.target, c.cmd, day),
				instanceUseRecord("stolen", c.useInstance, c.use, "sts:GetCallerIdentity", day.Add(c.after)))
			evs := decodeMany(t, `{"Records":[`+strings.Join(records, ",")+`]}`, day.Add(24*time.Hour), decode.Sources{})
			if c.after < 0 { // delivered in the order they happened
				n := len(evs)
				evs[n-2], evs[n-1] = evs[n-1], evs[n-2]
			}
			require.Equal(t, c.want, severityOn(run(t, newEngine(t), evs), "instance_credentials_from_commander", "stolen"))
		})
	}
}

// TestInstanceCredentialsFromCommanderAcrossPartitions: the commander's
// call and the instance's are keyed to different partitions (their keys'
// owners differ); a live detector's engines share the commands through
// their Networks.
func TestInstanceCredentialsFromCommanderAcrossPartitions(t *testing.T) {
	day := time.Date(2026, 11, 2, 8, 0, 0, 0, time.UTC)
	evs := decodeMany(t, `{"Records":[`+commandRecord("cmd", "123456789012", "ops", "ssm:SendCommand", "i-0abc123def4567890", "45.9.148.3", day)+","+
		instanceUseRecord("stolen", "i-0abc123def4567890", "45.9.148.3", "s3:ListBuckets", day.Add(5*time.Minute))+`]}`, day, decode.Sources{})
	require.NotEqual(t, evs[0].PartitionKey(), evs[1].PartitionKey())
	shared := detect.NewNetworks()
	rs, err := detect.LoadRules(context.Background(), rules.FS)
	require.NoError(t, err)
	engine := func() *detect.Engine {
		return detect.NewEngine(rs, detect.Config{Baseline: detect.BaselineConfig{Learning: 7 * 24 * time.Hour, Networks: shared}, Window: time.Hour})
	}
	commander, instance := engine(), engine()
	run(t, commander, evs[:1])
	require.Equal(t, "high", severityOn(run(t, instance, evs[1:]), "instance_credentials_from_commander", "stolen"))
	require.Empty(t, severityOn(run(t, newEngine(t), evs[1:]), "instance_credentials_from_commander", "stolen"),
		"an engine of its own saw no command")
}

// ocsfCall is an OCSF API Activity of a CloudTrail call (AWS Security
// Lake): user is an IAM user's or an instance session's ARN, key its
// access key id.
func ocsfCall(id, typ, user, key, service, op, ip string, data string, at time.Time) string {
	return fmt.Sprintf(`{"class_uid":6003,"activity_id":99,"category_uid":6,"status_id":1,"time":%d,`+
		`"actor":{"user":{"type":%q,"uid":%q,"credential_uid":%q,"account":{"uid":"123456789012"}}},`+
		`"api":{"operation":%q,"service":{"name":"%s.amazonaws.com"},"request":{"uid":"r-%s","data":%s}},`+
		`"cloud":{"account":{"uid":"123456789012"},"provider":"AWS","region":"us-east-1"},`+
		`"metadata":{"product":{"name":"CloudTrail","vendor_name":"AWS","version":"1.09"},"uid":%q,"version":"1.1.0"},`+
		`"src_endpoint":{"ip":%q},"http_request":{"user_agent":"aws-cli/2.15.10"}}`,
		at.UnixMilli(), typ, user, key, op, service, id, data, id, ip)
}

// TestInstanceCredentialsFromCommanderInOCSF: the same theft as AWS
// Security Lake writes it (OCSF API Activity), from two networks.
func TestInstanceCredentialsFromCommanderInOCSF(t *testing.T) {
	day := time.Date(2026, 11, 2, 8, 0, 0, 0, time.UTC)
	session := "arn:aws:sts::123456789012:assumed-role/app/i-0abc123def4567890"
	for _, ip := range []string{"45.9.148.3", "2a01:4f8:c17:1234::1"} {
		msgs := []string{
			ocsfCall("cmd", "IAMUser", "arn:aws:iam::123456789012:user/ops", "AKIAOPSQ7ZLEXAMPLE12", "ssm", "SendCommand", ip,
				`{"instanceIds":["i-0abc123def4567890"],"documentName":"AWS-RunShellScript"}`, day),
			ocsfCall("stolen", "AssumedRole", session, "ASIAWEBXQ7ZLEXAMPLE1", "sts", "GetCallerIdentity", ip, `null`, day.Add(2*time.Minute)),
		}
		var evs []event.Event
		for _, m := range msgs {
			evs = append(evs, decodeMany(t, m, day, decode.Sources{})...)
		}
		require.Equal(t, "i-0abc123def4567890", evs[0].Attrs["aws.commanded_instances"])
		require.Equal(t, "i-0abc123def4567890", evs[1].Attrs["aws.ec2_instance"])
		require.Equal(t, "high", severityOn(run(t, newEngine(t), evs), "instance_credentials_from_commander", "stolen"), ip)
	}
}

// TestInstanceCredentialsFromCommanderDeliveredLate: the command's record
// arrives after the stolen credentials' first use (another CloudTrail
// file): that use passes, and the thief's next use, judged after the
// command arrived, is caught — the first use does not make the thief's
// network the instance's own, since it came after the command.
func TestInstanceCredentialsFromCommanderDeliveredLate(t *testing.T) {
	day := time.Date(2026, 11, 2, 8, 0, 0, 0, time.UTC)
	for _, gap := range []time.Duration{time.Minute, 3 * time.Hour} {
		file := func(records ...string) []event.Event {
			return decodeMany(t, `{"Records":[`+strings.Join(records, ",")+`]}`, day, decode.Sources{})
		}
		evs := file(instanceUseRecord("own", "i-0abc123def4567890", "52.23.4.5", "ssm:UpdateInstanceInformation", day.Add(-time.Hour)))
		evs = append(evs, file(instanceUseRecord("first", "i-0abc123def4567890", "45.9.148.3", "sts:GetCallerIdentity", day.Add(time.Minute)))...)
		evs = append(evs, file(commandRecord("cmd", "123456789012", "ops", "ssm:SendCommand", "i-0abc123def4567890", "45.9.148.3", day))...)
		evs = append(evs, file(instanceUseRecord("next", "i-0abc123def4567890", "45.9.148.3", "s3:ListBuckets", day.Add(time.Minute+gap)))...)
		alerts := run(t, newEngine(t), evs)
		require.Empty(t, severityOn(alerts, "instance_credentials_from_commander", "first"), gap)
		require.Equal(t, "high", severityOn(alerts, "instance_credentials_from_commander", "next"), gap)
	}
}
