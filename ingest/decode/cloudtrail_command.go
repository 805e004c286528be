package decode

import (
	"strings"

	"github.com/valyala/fastjson"

	"github.com/credwatch/credwatch/event"
)

// instanceAccessCalls are the calls that run code on EC2 instances or open
// a shell on them, IAM-style, each with the request parameter that names
// the instances. Whoever makes one can read the instance's role credentials
// from its metadata service (what Stratus Red Team's
// ec2-steal-instance-credentials does with SendCommand).
var instanceAccessCalls = map[string]string{
	"ssm:SendCommand":                                    "instanceIds",
	"ssm:StartSession":                                   "target",
	"ec2-instance-connect:SendSSHPublicKey":              "instanceId",
	"ec2-instance-connect:SendSerialConsoleSSHPublicKey": "instanceId",
}

// maxCommandedInstances caps the instances one call is remembered for.
const maxCommandedInstances = 64

// commandedInstances sets attrs aws.commanded_instances to the EC2
// instances a successful instanceAccessCalls call reached, comma-separated,
// as named ("i-" and 8 or 17 hex digits; anything else, such as a
// SendCommand by tag or a managed on-premises node "mi-…", is not an
// instance whose credentials its metadata service hands out).
func (c ctRecord) commandedInstances(ev *event.Event, api string) {
	key, ok := instanceAccessCalls[api]
	if !ok || ev.Outcome != "success" {
		return
	}
	req := c.obj(c.v, "requestParameters", "requestParameters")
	if req == nil {
		return
	}
	var ids []string
	add := func(v *fastjson.Value) {
		if s := string(v.GetStringBytes()); instanceID(strings.ToLower(s)) && len(ids) < maxCommandedInstances {
			ids = append(ids, s)
		}
	}
	switch v := req.Get(key); {
	case v == nil:
	case v.Type() == fastjson.TypeArray:
		for _, it := range v.GetArray() {
			add(it)
		}
	default:
		add(v)
	}
	setAttr(ev, "aws.commanded_instances", strings.Join(ids, ","))
}
