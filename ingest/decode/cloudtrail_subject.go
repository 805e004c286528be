package decode

import (
	"strings"

	"github.com/valyala/fastjson"

	"github.com/credwatch/credwatch/event"
)

// subject maps what a catalogue call acted on: the secret it read or
// changed, or the credential it minted, revoked or (de)activated. Secret
// values (secretString, secretBinary) and minted secret keys and session
// tokens are never read: only identifiers are.
func (c ctRecord) subject(ev *event.Event, service string) {
	switch ev.Action {
	case "secret.read", "secret.list", "secret.create", "secret.update", "secret.delete":
		ev.Secret = c.secret(service)
	case "token.create", "token.revoke", "token.update_status":
		caller := ev.Token.ID
		ev.Token = c.subjectToken(ev, service)
		setAttr(ev, "aws.caller_access_key", caller)
	}
}

// secret: Secrets Manager names a secret by secretId (an ARN or a name),
// CreateSecret by the ARN it answers with, else its name; Parameter Store
// by name (a batch of exactly one name counts as that one); EC2's
// GetPasswordData by its instance ("<instance id>/password-data").
func (c ctRecord) secret(service string) event.Secret {
	req := c.obj(c.v, "requestParameters", "requestParameters")
	var id string
	switch service {
	case "secretsmanager":
		resp := c.obj(c.v, "responseElements", "responseElements")
		id = firstNonEmpty(c.str(req, "secretId", "requestParameters.secretId"),
			c.single(req, "secretIdList", "requestParameters.secretIdList"),
			c.str(resp, "arn", "responseElements.arn"), c.str(resp, "aRN", "responseElements.aRN"),
			c.str(req, "name", "requestParameters.name"))
	case "ssm":
		id = firstNonEmpty(c.str(req, "name", "requestParameters.name"),
			c.single(req, "names", "requestParameters.names"), c.str(req, "path", "requestParameters.path"))
	case "ec2": // GetPasswordData
		if instance := c.str(req, "instanceId", "requestParameters.instanceId"); instance != "" {
			return event.Secret{ID: instance + "/password-data", Name: "password-data"}
		}
	}
	if id == "" {
		return event.Secret{}
	}
	return event.Secret{ID: id, Name: secretName(id)}
}

// single returns the only string of the array o[key], else "".
func (c ctRecord) single(o *fastjson.Value, key, path string) string {
	if x := o.Get(key); x == nil || x.Type() != fastjson.TypeArray || len(x.GetArray()) != 1 {
		return ""
	}
	if list := c.r.strList(o, key, c.at+path); len(list) == 1 {
		return list[0]
	}
	return ""
}

// secretName is the name in a secret's ARN: a Secrets Manager ARN ends in
// "secret:<name>-<6 random characters>", a parameter's in "parameter/<path>"
// (the name is the path, "/prod/db/password"). Anything else is the name.
func secretName(id string) string {
	if !strings.HasPrefix(id, "arn:") {
		return id
	}
	if i := strings.Index(id, ":secret:"); i >= 0 {
		name := id[i+len(":secret:"):]
		if n := len(name); n > 7 && name[n-7] == '-' {
			return name[:n-7]
		}
		return name
	}
	if i := strings.Index(id, ":parameter"); i >= 0 {
		return id[i+len(":parameter"):]
	}
	return id
}

// subjectToken is the credential a token call acted on. STS answers with the
// minted session's access key id (its owner is the role assumed, else the
// caller); IAM CreateAccessKey with the new key, DeleteAccessKey and
// UpdateAccessKey name it (its owner is the IAM user named, else the caller).
func (c ctRecord) subjectToken(ev *event.Event, service string) event.Token {
	req := c.obj(c.v, "requestParameters", "requestParameters")
	var t event.Token
	switch {
	case service == "sts":
		resp := c.obj(c.v, "responseElements", "responseElements")
		cred := c.obj(resp, "credentials", "responseElements.credentials")
		t = event.Token{ID: c.str(cred, "accessKeyId", "responseElements.credentials.accessKeyId"), Kind: "session",
			Owner: firstNonEmpty(c.str(req, "roleArn", "requestParameters.roleArn"), ev.Actor.ID)}
	case ev.Action == "token.create":
		key := c.obj(c.obj(c.v, "responseElements", "responseElements"), "accessKey", "responseElements.accessKey")
		t = event.Token{ID: c.str(key, "accessKeyId", "responseElements.accessKey.accessKeyId"),
			Owner: iamUserARN(ev, c.str(key, "userName", "responseElements.accessKey.userName"))}
	default:
		t = event.Token{ID: c.str(req, "accessKeyId", "requestParameters.accessKeyId"),
			Owner: iamUserARN(ev, c.str(req, "userName", "requestParameters.userName"))}
		setAttr(ev, "aws.key_status", c.str(req, "status", "requestParameters.status"))
	}
	if t.ID == "" {
		return event.Token{}
	}
	t.Tenant = firstNonEmpty(arnAccount(t.Owner), ev.Tenant)
	if ev.Action == "token.create" {
		t.CreatedAt = ev.Time
	}
	return t
}

// iamUserARN is the ARN of IAM user name in the event's account (a user with
// a path has a longer one), or the caller's when no user is named.
func iamUserARN(ev *event.Event, name string) string {
	switch {
	case name == "":
		return ev.Actor.ID
	case ev.Tenant == "":
		return name
	}
	return "arn:aws:iam::" + ev.Tenant + ":user/" + name
}
