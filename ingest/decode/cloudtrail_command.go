package decode

import (
	"strings"

	"github.com/valyala/fastjson"

	"github.com/credwatch/credwatch/event"
)

// instanceAccessCalls are the calls that run code on EC2 instances or open
// a shell on them, IAM-style, each with the request parameter that names
// the instances and one it must carry. Whoever makes one can read the
// instance's role credentials from its metadata service (what Stratus Red
// Team's ec2-steal-instance-credentials does with SendCommand; new user
// data runs at the instance's next start).
var instanceAccessCalls = map[string]instanceAccess{
	"ssm:SendCommand":                                    {ids: "instanceIds"},
	"ssm:StartSession":                                   {ids: "target"},
	"ec2-instance-connect:SendSSHPublicKey":              {ids: "instanceId"},
	"ec2-instance-connect:SendSerialConsoleSSHPublicKey": {ids: "instanceId"},
	"ec2:ModifyInstanceAttribute":                        {ids: "instanceId", needs: "userData"},
}

// instanceAccess names where a call's request parameters name instances,
// and a parameter without which it does not reach them ("" for none).
type instanceAccess struct{ ids, needs string }

// maxCommandedInstances caps the instances one call is remembered for.
const maxCommandedInstances = 64

// commandedInstances sets attrs aws.commanded_instances to the EC2
// instances a successful instanceAccessCalls call reached, comma-separated,
// as named ("i-" and 8 or 17 hex digits; anything else, such as a
// SendCommand by tag or a managed on-premises node "mi-…", is not an
// instance whose credentials its metadata service hands out).
func (c ctRecord) commandedInstances(ev *event.Event, api string) {
	setCommandedInstances(ev, api, c.obj(c.v, "requestParameters", "requestParameters"))
}

// setCommandedInstances reads the instances of a call named api (IAM-style)
// from its request parameters, req.
func setCommandedInstances(ev *event.Event, api string, req *fastjson.Value) {
	call, ok := instanceAccessCalls[api]
	if !ok || ev.Outcome != "success" || req == nil || call.needs != "" && req.Get(call.needs) == nil {
		return
	}
	var ids []string
	add := func(v *fastjson.Value) {
		if s := string(v.GetStringBytes()); instanceID(strings.ToLower(s)) && len(ids) < maxCommandedInstances {
			ids = append(ids, s)
		}
	}
	addAll := func(v *fastjson.Value) {
		if v != nil && v.Type() == fastjson.TypeArray {
			for _, it := range v.GetArray() {
				add(it)
			}
		} else if v != nil {
			add(v)
		}
	}
	addAll(req.Get(call.ids))
	for _, t := range req.GetArray("targets") { // SendCommand --targets Key=InstanceIds,Values=…
		if strings.EqualFold(string(t.GetStringBytes("key")), "InstanceIds") {
			addAll(t.Get("values"))
		}
	}
	setAttr(ev, "aws.commanded_instances", strings.Join(ids, ","))
}

// ocsfCommandedInstances: an OCSF API Activity of a CloudTrail call (AWS
// Security Lake) carries the call's request parameters in api.request.data,
// or, from older mappers, in unmapped.requestParameters.
func (r *reader) ocsfCommandedInstances(v *fastjson.Value, ev *event.Event) {
	api := v.Get("api")
	service, op := string(api.GetStringBytes("service", "name")), string(api.GetStringBytes("operation"))
	name := cloudTrailService(service) + ":" + strings.TrimSpace(op)
	if _, ok := instanceAccessCalls[name]; !ok {
		return
	}
	req := api.Get("request", "data")
	if req == nil || req.Type() != fastjson.TypeObject {
		req = v.Get("unmapped", "requestParameters")
	}
	if req != nil && req.Type() == fastjson.TypeObject {
		setCommandedInstances(ev, name, req)
	}
}
